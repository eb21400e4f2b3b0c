"""spark-submit entry point: spark-submit spark/winnow_spark.py run PIPELINE.yaml INPUT... -o OUTPUT_DIR"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from winnow_spark.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
