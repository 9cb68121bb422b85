"""`python -m rollcall` is the `rollcall` command."""
from rollcall.cli import main

main()
