"""probes.yaml: the allowlist decides what may be contacted; secrets stay out of the file."""
import pytest

from probes.config import Target, expand_env
from probes.yamlsource import InputError


def target(*allow):
    return Target(name="T", allowlist=list(allow))


def test_url_allowlist_matches_origin_and_path_prefix():
    t = target("https://shop.example.com/support", "http://127.0.0.1:8780/")
    assert t.allows("https://shop.example.com/support")
    assert t.allows("https://shop.example.com/support/contact?x=1")
    assert t.allows("https://SHOP.example.com:443/support/")
    assert not t.allows("https://shop.example.com/supportive")
    assert not t.allows("http://shop.example.com/support")          # other scheme
    assert not t.allows("https://evil.example.com/support")
    assert not t.allows("https://shop.example.com.evil.net/support")
    assert t.allows("http://127.0.0.1:8780/anything")
    assert not t.allows("http://127.0.0.1:8781/")


def test_email_and_phone_entries():
    t = target("support@shop.example", "@help.example", "+442079460000")
    assert t.allows("support@shop.example") and t.allows("SUPPORT@shop.example")
    assert t.allows("anyone@help.example") and not t.allows("anyone@nothelp.example")
    assert t.allows("+442079460000") and not t.allows("+442079460001")
    assert not t.allows("http://help.example/")


def test_env_references_expand_and_missing_ones_are_named():
    assert expand_env("postgresql://u:${PW}@h/db", {"PW": "s3cret"}) == "postgresql://u:s3cret@h/db"
    with pytest.raises(InputError) as err:
        expand_env("${NOPE}", {})
    assert "NOPE is not set" in str(err.value)
