# kosis_csv under an authorizer, PRAGMA query_only, read-only and
# immutable databases (tests/trust/kosis_security.py).
$(eval $(call trust_suite,kosis-security-test,kosis_security.py))
