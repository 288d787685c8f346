"""Two short accounts in a library of their own, recognised, and the parallels the first gets: the set-up of the
tests that judge one pair of passages."""


def suggestions_for_first(workspace, shared_model, folder, first: str, second: str):
    """Import `first` as a.txt and `second` as b.txt, recognise them, and rank a.txt's parallels (top 5)."""
    (folder / "a.txt").write_text(first, encoding="utf-8")
    (folder / "b.txt").write_text(second, encoding="utf-8")
    workspace.documents.import_paths([folder / "a.txt", folder / "b.txt"])
    workspace.entities.model = shared_model
    workspace.entities.ensure_current()
    return workspace.parallels.suggest(workspace.documents.resolve("a.txt").id, top=5)
