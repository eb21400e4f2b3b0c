"""Paths as Hadoop reads them: a name taken literally, and the local paths among those a run is given."""


def file_uri_path(argument):
    """The path of a `file:` URI (file:///F or file:/F; Hadoop takes no host there), read as written (no
    %-decoding), else None."""
    if not argument.startswith("file:"):
        return None
    path = argument[len("file:"):]
    if path.startswith("//"):
        authority, slash, rest = path[2:].partition("/")
        if authority or not slash:
            return None
        path = "/" + rest
    return path if path.startswith("/") else None


def literal(path):
    """`path` with Hadoop's glob characters escaped, so that it names the one file `winnow run` reads."""
    return "".join("\\" + character if character in "\\*?[]{}" else character for character in path)
