"""The gazetteer and organization recognition."""
from ingest.orgs import canonical_org, employer_of, find_orgs, gazetteer


def names(text):
    return [(o.surface, o.name) for o in find_orgs(text)]


def test_gazetteer_is_big_enough_and_has_parents():
    g = gazetteer()
    assert len(g) >= 60
    for must in ("OpenAI", "Anthropic", "Google DeepMind", "Meta", "xAI", "Mistral", "Nvidia", "Qwen",
                 "Thinking Machines Lab", "Hugging Face", "Mila", "Stanford", "NSA", "Safe Superintelligence"):
        assert must in g, must
    assert employer_of("Qwen") == "Alibaba"
    assert employer_of("FAIR") == "Meta"
    assert employer_of("Google DeepMind") == "Google DeepMind"


def test_aliases_and_possessive_units():
    assert canonical_org("Open AI") == "OpenAI"
    assert canonical_org("DeepMind") == "Google DeepMind"
    assert names("She ran the Qwen effort at Alibaba's Qwen.")[-1] == ("Alibaba's Qwen", "Alibaba")
    assert names("Reports from Open AI and DeepMind.") == [("Open AI", "OpenAI"), ("DeepMind", "Google DeepMind")]
    assert names("He runs OpenAI Research now.")[0][1] == "OpenAI"


def test_ambiguous_names_need_employment_context():
    assert names("That was a figure of speech.") == []
    assert ("Figure", "Figure AI") in names("She joined Figure last year.")


def test_unknown_orgs_by_shape_and_context():
    got = dict(names("He left to join Lumenforge Labs, after a stint at the startup Quillbyte."))
    assert "Lumenforge Labs" in got
    assert "Quillbyte" in got
    assert names("a French AI start-up said") == []


def test_azure_is_a_microsoft_unit():
    from ingest.orgs import canonical_org
    assert canonical_org("Azure AI") == "Microsoft" and canonical_org("Microsoft Azure") == "Microsoft"
