"""The Spark session the cluster tests run on: two local cores, quiet, no UI, the driver's package shipped
to the executors as spark-submit users ship it."""
from pyspark.sql import SparkSession

from winnow_spark import cli


def start(name, master):
    session = (SparkSession.builder.master(master).appName(name)
               .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.shuffle.partitions", "4")
               .config("spark.driver.host", "127.0.0.1").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    cli.ship_package(session)
    return session
