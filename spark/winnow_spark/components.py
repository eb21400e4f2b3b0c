"""Connected components of an undirected graph in DataFrames, by alternating large-star and small-star
rounds (Kiveris et al., "Connected Components in MapReduce and Beyond", 2014): each round is two
group-bys, and the graph ends as one star per component around its smallest node. No GraphFrames, no
collect: nothing but the edges is held, and only by the shuffle."""
from pyspark.sql import functions as F


def _undirected(edges):
    return edges.select("src", "dst").union(edges.select(F.col("dst").alias("src"), F.col("src").alias("dst")))


def _large_star(edges):
    """Each node u links its larger neighbours to the smallest of u and its neighbours."""
    both = _undirected(edges)
    smallest = both.groupBy("src").agg(F.least(F.min("dst"), F.col("src")).alias("m"))
    return (both.where(F.col("dst") > F.col("src")).join(smallest, "src")
            .select(F.col("dst").alias("src"), F.col("m").alias("dst")).distinct())


def _small_star(edges):
    """Each node u links itself and its smaller neighbours to the smallest of them."""
    down = edges.select(F.greatest("src", "dst").alias("src"), F.least("src", "dst").alias("dst"))
    smallest = down.groupBy("src").agg(F.min("dst").alias("m"))
    linked = down.join(smallest, "src")
    return (linked.select(F.col("dst").alias("src"), F.col("m").alias("dst"))
            .union(linked.select("src", F.col("m").alias("dst")))
            .where(F.col("src") != F.col("dst")).distinct())


def _is_star_forest(edges):
    """Whether every node points at one smaller node that points nowhere: one star per component."""
    forked = edges.groupBy("src").count().where(F.col("count") > 1).select("src")
    chained = edges.select(F.col("dst").alias("src")).intersect(edges.select("src"))
    return forked.union(chained).limit(1).count() == 0


def connected_components(edges, max_rounds=64):
    """(node, component) for every node of `edges` (columns src, dst: longs), the component being its
    smallest node. Raises if the rounds do not settle within `max_rounds` (they take O(log n))."""
    current = (edges.select(F.greatest("src", "dst").alias("src"), F.least("src", "dst").alias("dst"))
               .where(F.col("src") != F.col("dst")).distinct().localCheckpoint())
    for _ in range(max_rounds):
        if _is_star_forest(current):
            roots = current.select(F.col("dst").alias("node")).distinct().withColumn("component", F.col("node"))
            return current.select(F.col("src").alias("node"), F.col("dst").alias("component")).union(roots)
        current = _small_star(_large_star(current)).localCheckpoint()
    raise RuntimeError(f"connected components did not settle in {max_rounds} rounds")
