# kosis_csv composes Hangul written decomposed (NFD) to syllables (NFC):
# tests/trust/kosis_hangul_nfc.py against Python's unicodedata.normalize.
$(eval $(call trust_suite,kosis-nfc-test,kosis_hangul_nfc.py))
