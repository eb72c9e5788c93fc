# Trust: the hash scan path and the streaming path give the same answer
# (docs/design.md, "Scan paths").  `make pathstest` runs
#   paths_check.py  random data through yoy_growth, trade_imbalance and
#                   annual_projection with scan=hash and scan=stream, every
#                   column compared bit for bit, errors by message; the hash
#                   path must answer a good share and give way on a source
#                   over its memory cap
$(eval $(call trust_suite,pathstest,paths_check.py))
