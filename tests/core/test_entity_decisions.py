"""Entity decisions change the stored rows they concern at once, and agree with a full consolidation."""

from __future__ import annotations

from reader.core.workspace import Workspace


def _register(workspace: Workspace) -> set[tuple]:
    names = {e.id: (e.name, e.type) for e in workspace.entities.register()}
    return {(m.document_id, m.start, m.end, *names[m.entity_id]) for m in workspace.entities.mentions()}


def _full_run(workspace: Workspace) -> set[tuple]:
    workspace.entities.recognise()
    return _register(workspace)


def test_decisions_apply_without_consolidating_and_agree_with_a_full_run(workspace: Workspace, monkeypatch) -> None:
    """Protects rename, type, merge and 'not an entity': applied to the rows alone (consolidation is not called),
    with the same register a full run gives."""
    workspace.entities.recognise()
    people = {e.name: e for e in workspace.entities.register() if e.type == "PERSON"}
    places = [e for e in workspace.entities.register() if e.type == "PLACE"]
    genden = next(e for name, e in people.items() if "Genden" in name)
    others = [e for e in people.values() if e.id != genden.id][:2]
    decisions = [lambda: workspace.entities.rename(genden.id, "Peljidiin Genden (prime minister)"),
                 lambda: workspace.entities.set_type(places[0].id, "ORG"),
                 lambda: workspace.entities.reject_entity(others[0].id),
                 lambda: workspace.entities.merge(genden.id, others[1].id)]
    from reader.core.entities import service

    calls: list[int] = []
    real = service.EntityService.recognise
    for decide in decisions:
        calls.clear()
        monkeypatch.setattr(service.EntityService, "recognise", lambda self, *a, **k: calls.append(1) or real(self))
        decide()
        monkeypatch.setattr(service.EntityService, "recognise", real)
        assert calls == [] and not workspace.entities.is_stale()
        assert _register(workspace) == _full_run(workspace)
