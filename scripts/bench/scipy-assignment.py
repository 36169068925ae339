# SciPy's dense assignment on the cost matrix match-instance.ts wrote (float64, row-major): the
# reference of `npm run bench:match`. Prints one JSON line: time of the solve alone, and totals.
import json, sys, time
import numpy as np
from scipy.optimize import linear_sum_assignment

path, rows, columns, ceiling, pairs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
costs = np.fromfile(path, dtype=np.float64).reshape(rows, columns)
started = time.perf_counter()
r, c = linear_sum_assignment(costs)
ms = (time.perf_counter() - started) * 1000
weights = ceiling - costs[r, c]
counted = weights[weights > 0]
print(json.dumps({"ms": ms, "total": (float(counted.sum()) - len(counted)) / (pairs + 1), "pairs": int(len(counted))}))
