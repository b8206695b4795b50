"""`make bench`: run every benchmark of bench/ (files named bench_*.py) and print their figures."""

import glob
import os
import runpy
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

if __name__ == "__main__":
    only = sys.argv[1:]
    for path in sorted(glob.glob(os.path.join(HERE, "bench_*.py"))):
        name = os.path.basename(path)[6:-3]
        if only and name not in only:
            continue
        print(f"== {name}", flush=True)
        runpy.run_path(path, run_name="__main__")
