"""`python -m bench.worker CASE 'JSON-ARGS'`: run one measurement, print its figures as JSON."""
from __future__ import annotations

import json
import sys


def main() -> None:
    from bench.cases import CASES

    case, args = sys.argv[1], json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
    out = CASES[case](**args)
    print(json.dumps(out, default=str))


if __name__ == "__main__":
    main()
