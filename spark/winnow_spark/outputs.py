"""Writes a run's outputs all at once: into a temporary sibling folder first, renamed into place only
when every part is written, so a failed run leaves no output (on a file system whose rename is atomic:
local, HDFS; not object stores)."""
import uuid


class OutputExists(FileExistsError):
    """The output folder is there already; the cluster path never writes into an existing one."""


class OutputMissing(FileNotFoundError):
    """A finished run's output folder, asked for, is not there."""


class Folder:
    def __init__(self, spark, path, finished=False):
        """A run's output folder: a new one (refused when it exists), or with `finished` the folder a run
        wrote (refused when it does not exist), which only its report is written into."""
        self._jvm = jvm = spark._jvm
        self._path_class = jvm.org.apache.hadoop.fs.Path
        self.final = self._path_class(path)
        self.fs = self.final.getFileSystem(spark._jsc.hadoopConfiguration())
        if finished and not self.fs.exists(self._path_class(self.final, "stats.json")):
            raise OutputMissing(f"{path}: not the output folder of a finished run (it has no stats.json)")
        if not finished and self.fs.exists(self.final):
            raise OutputExists(f"{path}: the output folder exists; give a new one (or remove it)")
        self.temporary = self._path_class(f"{path.rstrip('/')}.winnow-tmp-{uuid.uuid4().hex}")

    @property
    def path_class(self):
        """Hadoop's Path class, for paths on this folder's file system."""
        return self._path_class

    def replace(self, staging, target):
        """Renames the folder `staging` to `target`, replacing a `target` that is there (a report folder
        named by the pipeline and written before): its entries that `staging` does not have are moved
        into it first, so other files in the folder are kept, as `winnow run` keeps them."""
        staged, final = self._path_class(staging), self._path_class(target)
        old = None
        if self.fs.exists(final):
            if self.fs.getFileStatus(final).isDirectory():
                for entry in self.fs.listStatus(final):
                    name = entry.getPath().getName()
                    if not self.fs.exists(self._path_class(staged, name)):
                        if not self.fs.rename(entry.getPath(), self._path_class(staged, name)):
                            raise OSError(f"cannot keep {target}/{name} in the new report folder")
            old = self._path_class(f"{target.rstrip('/')}.winnow-old-{uuid.uuid4().hex}")
            if not self.fs.rename(final, old):
                raise OSError(f"cannot move {target} aside")
        if not self.fs.rename(staged, final):
            raise OSError(f"cannot rename {staging} to {target}")
        if old is not None:
            self.fs.delete(old, True)

    def child(self, name):
        return self._path_class(self.temporary, name).toString()

    def read_bytes(self, name):
        """The bytes of the (small) file `name` in the finished folder, read by name (no glob)."""
        stream = self.fs.open(self._path_class(self.final, name))
        try:
            return bytes(self._jvm.org.apache.commons.io.IOUtils.toByteArray(stream))
        finally:
            stream.close()

    def write_bytes(self, name, data):
        stream = self.fs.create(self._path_class(self.temporary, name), False)
        try:
            stream.write(bytearray(data))
        finally:
            stream.close()

    def commit(self):
        if not self.fs.rename(self.temporary, self.final):
            raise OSError(f"cannot rename {self.temporary.toString()} to {self.final.toString()}")

    def discard(self):
        if self.fs.exists(self.temporary):
            self.fs.delete(self.temporary, True)
