# Trust: the spellings the series tables show, after seeded sequences of
# BEGIN, SAVEPOINT, respelling UPDATEs, ROLLBACK TO, RELEASE, ROLLBACK,
# INSERT OR ROLLBACK and COMMIT (tests/trust/spelling_rollback.py): each
# a spelling some row of the source holds then.
#   make spellingrollbacktest [SPELLING_SEED=s SPELLING_WORLDS=n]
SPELLING_SEED   ?= 1
SPELLING_WORLDS ?= 40
$(eval $(call trust_suite,spellingrollbacktest,spelling_rollback.py,--seed $$(SPELLING_SEED) --worlds $$(SPELLING_WORLDS)))
