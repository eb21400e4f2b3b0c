"""Winnow on Apache Spark: the same pipeline as `winnow run`, the same records out, at any partitioning.

The Swift binary does every decision; Spark moves records between its steps. Document stages run the
binary per partition as a checked stdin -> stdout filter; corpus stages run its map step per partition,
merge the keyed rows with Spark's shuffle, and run its apply step per partition with only the merged
rows that partition's documents need.
"""
