"""Entity decisions change the stored rows they concern at once, and agree with a full consolidation."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

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


def _mention_of(workspace: Workspace, entity_name: str, nth: int = 0):
    entity = next(e for e in workspace.entities.register() if e.name == entity_name)
    return entity, [m for m in workspace.entities.mentions() if m.entity_id == entity.id][nth]


def _entity_at(workspace: Workspace, mention) -> tuple[str, str]:
    names = {e.id: (e.name, e.type) for e in workspace.entities.register()}
    return next(names[m.entity_id] for m in workspace.entities.mentions(mention.document_id)
                if (m.start, m.end) == (mention.start, mention.end))


def test_a_mention_moves_to_another_entity_at_once_and_for_good(workspace: Workspace, monkeypatch) -> None:
    """One mention a recognition gave the wrong entity (a namesake, a misread name) moves to the entity chosen,
    the rest of its entity's mentions staying: applied to the rows alone, kept by a full run, undone by Undo."""
    from reader.core.entities import service

    workspace.entities.recognise()
    genden, mention = _mention_of(workspace, "Peljidiin Genden", 3)
    stalin = next(e for e in workspace.entities.register() if e.name == "Joseph Stalin")
    monkeypatch.setattr(service.EntityService, "recognise", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    workspace.entities.move_mention(mention.document_id, mention.start, mention.end, stalin.id)
    monkeypatch.undo()
    assert _entity_at(workspace, mention) == ("Joseph Stalin", "PERSON")
    assert workspace.entities.describe(genden.id).mention_count == genden.mention_count - 1
    assert _register(workspace) == _full_run(workspace)
    workspace.history.undo()
    workspace.entities.ensure_current()  # as the window does when a decision is undone
    assert _entity_at(workspace, mention) == ("Peljidiin Genden", "PERSON")


def test_a_mention_moves_to_a_new_entity_of_its_own(workspace: Workspace) -> None:
    """Moved to a new entity (a namesake the register had joined to the famous one), the mention is that entity's
    only one, under the name the user gave and the type it had; every other mention stays where it was."""
    workspace.entities.recognise()
    genden, mention = _mention_of(workspace, "Peljidiin Genden", 2)
    before = _register(workspace)
    workspace.entities.move_mention(mention.document_id, mention.start, mention.end, None, "Genden the herdsman")
    herdsman = next(e for e in workspace.entities.register() if e.name == "Genden the herdsman")
    assert (herdsman.type, herdsman.mention_count) == ("PERSON", 1)
    after = _register(workspace)
    assert after - before == {(mention.document_id, mention.start, mention.end, "Genden the herdsman", "PERSON")}
    assert len(before - after) == 1


def test_a_namesake_written_with_the_famous_ones_name_becomes_an_entity_of_its_own(workspace: Workspace) -> None:
    """A namesake is written with a name the famous one has ("Genden"): moved to a new entity of that name, the
    mention stayed the famous one's (the name found its entity) while the step claimed otherwise."""
    workspace.entities.recognise()
    genden, mention = _mention_of(workspace, "Peljidiin Genden", 2)
    workspace.entities.move_mention(mention.document_id, mention.start, mention.end, None, "Genden")
    namesake = [e for e in workspace.entities.register() if e.name == "Genden"]
    assert [(e.type, e.mention_count) for e in namesake] == [("PERSON", 1)]
    assert _entity_at(workspace, mention) == ("Genden", "PERSON")
    assert workspace.entities.describe(genden.id).mention_count == genden.mention_count - 1
    workspace.entities.recognise()  # and at every later run
    assert _entity_at(workspace, mention) == ("Genden", "PERSON")


def test_a_moved_mention_holds_through_a_new_version(workspace: Workspace) -> None:
    """A moved mention keeps to its words when a line is added before them, as the other mention decisions do."""
    workspace.entities.recognise()
    _genden, mention = _mention_of(workspace, "Peljidiin Genden", 1)
    stalin = next(e for e in workspace.entities.register() if e.name == "Joseph Stalin")
    workspace.entities.move_mention(mention.document_id, mention.start, mention.end, stalin.id)
    text = workspace.documents.text(mention.document_id).text
    workspace.documents.correct_text(mention.document_id, "A line the archivist added.\n" + text)
    workspace.entities.ensure_current()
    shift = len("A line the archivist added.\n")
    moved = replace(mention, start=mention.start + shift, end=mention.end + shift)
    assert _entity_at(workspace, moved) == ("Joseph Stalin", "PERSON")


def test_moving_what_is_no_mention_is_refused(workspace: Workspace) -> None:
    """A range holding no mention, or a new entity without a name, is refused in one line, nothing changed."""
    import pytest

    from reader.core.errors import ReaderError

    workspace.entities.recognise()
    _genden, mention = _mention_of(workspace, "Peljidiin Genden")
    with pytest.raises(ReaderError, match="no entity mention"):
        workspace.entities.move_mention(mention.document_id, mention.start + 1, mention.end, None, "X")
    with pytest.raises(ReaderError, match="needs a name"):
        workspace.entities.move_mention(mention.document_id, mention.start, mention.end, None, "  ")


def test_the_register_is_consolidated_without_holding_the_write_lock(workspace, shared_model, monkeypatch):
    """Recognition held one write transaction around the whole corpus's consolidation (tens of seconds on a large
    library): every edit in the window waited for it and failed. Another connection writes meanwhile; a decision made
    meanwhile leaves the register stale, to be brought up to date again."""
    import reader.core.entities.consolidate as consolidation
    from reader.core.workspace import Workspace

    other = Workspace.open(workspace.path, backup=False)
    other.db.wait_for_writers_at_most(0.2)
    real = consolidation.consolidate
    written = []

    def consolidate_while_another_writes(*args, **kwargs):
        if written:  # the decision's own consolidation, if it needs one
            return real(*args, **kwargs)
        document_id = other.documents.list()[0].id
        written.append(other.annotations.create(document_id, 0, 10, note="written meanwhile").id)
        other.entities.add_mention(document_id, 0, 6, "PERSON")
        return real(*args, **kwargs)

    workspace.entities.model = shared_model
    monkeypatch.setattr(consolidation, "consolidate", consolidate_while_another_writes)
    workspace.entities.recognise()
    other.close()
    assert written and workspace.annotations.get(written[0]).note == "written meanwhile"
    assert workspace.entities.is_stale()  # the decision came after what was consolidated was read


def test_a_document_deleted_while_recognition_runs_does_not_stop_it(workspace, shared_model, monkeypatch):
    """Undo of an import, or Delete document, while recognition was consolidating ended in "something went wrong
    inside the program (KeyError)" and recognition never finished: the documents gone meanwhile are left out."""
    import reader.core.entities.consolidate as consolidation
    from reader.core.workspace import Workspace

    other = Workspace.open(workspace.path, backup=False)
    real = consolidation.consolidate
    gone = []

    def consolidate_while_a_document_goes(*args, **kwargs):
        found = real(*args, **kwargs)
        if not gone:
            gone.append(other.documents.resolve("004_b764a032f36e08ce.txt").id)
            other.documents.delete(gone[0])
        return found

    workspace.entities.model = shared_model
    monkeypatch.setattr(consolidation, "consolidate", consolidate_while_a_document_goes)
    workspace.entities.recognise()
    other.close()
    assert workspace.entities.mentions(gone[0]) == [] and workspace.entities.register()


def test_the_mentions_inside_ranges_are_read_by_one_query(workspace, shared_model):
    """The Comparisons entity filter read every mention of every linked document and tested each against every
    linked passage, on the window's thread at each change (seconds on a large library): the mentions overlapping the
    ranges come from one query, the same ones."""
    workspace.entities.model = shared_model
    workspace.entities.recognise()
    first, second = (info.id for info in workspace.documents.list()[:2])
    ranges = [(first, 100, 900), (second, 0, 400), (first, 2000, 2600)]
    expected = sorted({(m.entity_id, m.document_id, m.start, m.end) for document_id, start, end in ranges
                       for m in workspace.entities.mentions(document_id) if start < m.end and m.start < end})
    found = workspace.entities.mentions_within(ranges)
    assert expected and sorted((m.entity_id, m.document_id, m.start, m.end) for m in found) == expected


def test_a_name_the_user_marks_wins_over_the_mention_it_overlaps(workspace: Workspace) -> None:
    """Marking "Tsarist Russia" where recognition had only "Russia" did nothing (the corpus's more frequent entity
    won the stretch), yet left an undo step: the user's own extent wins, now and at every later run."""
    workspace.entities.recognise()
    document_id = workspace.documents.resolve("001_c9451cbdf41c54f1.txt").id
    text = workspace.documents.text(document_id).text
    start = text.index("Tsarist Russia")
    workspace.entities.add_mention(document_id, start, start + len("Tsarist Russia"), "PLACE")
    for _run in range(2):
        found = {(m.start, m.end, m.text) for m in workspace.entities.mentions(document_id)
                 if m.start < start + 14 and start < m.end}
        assert found == {(start, start + 14, "Tsarist Russia")}
        workspace.entities.recognise()


def test_a_date_the_user_marks_is_a_date_and_words_without_one_are_refused(workspace: Workspace) -> None:
    """Mark as entity > Date did nothing, leaving an undo step: marked words holding a date become a date mention
    with its value; words holding none are refused in one line, and no step is kept."""
    from reader.core.errors import ReaderError

    workspace.entities.recognise()
    document_id = workspace.documents.resolve("001_c9451cbdf41c54f1.txt").id
    text = workspace.documents.text(document_id).text
    start = text.index("On a winter night in 1935")
    workspace.entities.add_mention(document_id, start, start + len("On a winter night in 1935"), "DATE")
    [date] = [m for m in workspace.entities.mentions(document_id) if m.start == start]
    assert (date.type, date.end, date.date_value[:4]) == ("DATE", start + 25, "1935")
    steps = len(workspace.history.steps())
    banquet = text.index("banquet")
    try:
        workspace.entities.add_mention(document_id, banquet, banquet + len("banquet"), "DATE")
        raise AssertionError("marked as a date")
    except ReaderError as exc:
        assert "no date" in str(exc)
    assert len(workspace.history.steps()) == steps


def test_a_merged_pair_is_not_suggested_again(workspace: Workspace) -> None:
    """A pair of spellings the user merged came back among the suggested variants at the next recognition."""
    workspace.entities.recognise()
    suggestion = workspace.entities.suggestions()[0]
    ids = {e.name: e.id for e in workspace.entities.register()}
    workspace.entities.merge(ids[suggestion.name], ids[suggestion.other_name])
    workspace.entities.recognise()
    assert all({s.name, s.other_name} != {suggestion.name, suggestion.other_name}
               for s in workspace.entities.suggestions())


def test_a_merge_keeps_the_authority_ids_and_notes_of_both(workspace: Workspace) -> None:
    """Details… typed on "Soviet Union" (a Wikidata id, a note) vanished when it was merged into "USSR": they stayed
    on an entity listed nowhere. The one kept takes the ids it lacks and both notes; Undo gives each its own back."""
    workspace.entities.recognise()
    ids = {e.name: e.id for e in workspace.entities.register()}
    keeper, other = ids["USSR"], ids["Soviet Union"]
    workspace.entities.set_details(keeper, note="as the sources abbreviate it")
    workspace.entities.set_details(other, wikidata="Q15180", note="USSR 1922-1991")
    workspace.entities.merge(keeper, other)
    kept = workspace.entities.describe(keeper)
    assert (kept.wikidata, kept.note) == ("Q15180", "as the sources abbreviate it\n\nUSSR 1922-1991")
    workspace.history.undo()
    workspace.entities.ensure_current()  # as the window does after an undo
    assert workspace.entities.describe(keeper).wikidata == "" and workspace.entities.describe(other).note == \
        "USSR 1922-1991"


def test_a_name_rejected_leaves_no_shorter_name_inside_it(workspace: Workspace) -> None:
    """Not an entity on "Far East": the next full run painted "East" (a one-mention place) inside every "Far East",
    the register's count growing with nothing done. A rejected name's stretches stay free of the names inside it."""
    workspace.entities.recognise()
    far_east = next(e for e in workspace.entities.register() if e.name == "Far East")
    stretches = {(m.document_id, m.start, m.end) for m in workspace.entities.mentions() if m.entity_id == far_east.id}
    workspace.entities.reject_entity(far_east.id)
    quick = _register(workspace)
    assert _full_run(workspace) == quick
    assert not any(document_id == m.document_id and start <= m.start < end
                   for document_id, start, end in stretches for m in workspace.entities.mentions())


def _named(workspace: Workspace, name: str):
    return next(e for e in workspace.entities.register() if e.name == name)


def _written(workspace: Workspace, entity_id: int) -> list[str]:
    """How each of the entity's mentions is written in its text."""
    text = cache(lambda document_id: workspace.documents.text(document_id).text)
    return [text(m.document_id)[m.start:m.end] for m in workspace.entities.mentions() if m.entity_id == entity_id]


def test_a_spelling_recognition_joined_is_split_off_as_an_entity_of_its_own(workspace: Workspace) -> None:
    """A typo recognition merged with a famous name ("Satlin" into Joseph Stalin) could be taken apart only mention
    by mention: split off, its mentions are an entity of their own, at every later run, and Undo joins them again."""
    workspace.entities.recognise()
    stalin = _named(workspace, "Joseph Stalin")
    satlin_written = _written(workspace, stalin.id).count("Satlin")
    assert ("Satlin",) in workspace.entities.separable_names(stalin.id) and satlin_written
    workspace.entities.split_off(stalin.id, "Satlin")
    satlin = _named(workspace, "Satlin")
    assert (satlin.type, satlin.mention_count) == ("PERSON", satlin_written)
    assert set(_written(workspace, satlin.id)) == {"Satlin"}
    assert "Satlin" not in workspace.entities.describe(stalin.id).aliases
    assert workspace.entities.describe(stalin.id).mention_count == stalin.mention_count - satlin_written
    before = _register(workspace)
    assert _full_run(workspace) == before
    workspace.history.undo()
    workspace.entities.ensure_current()  # as the window does after an undo
    assert "Satlin" in workspace.entities.describe(stalin.id).aliases
    assert not [e for e in workspace.entities.register() if e.name == "Satlin"]


def test_a_surname_split_off_its_full_name_takes_its_initialled_forms(workspace: Workspace) -> None:
    """"Genden" (and "P. Genden", the same name with an initial) split off Peljidiin Genden: every mention written
    so is the new entity's, the full name's stay his."""
    workspace.entities.recognise()
    full = _named(workspace, "Peljidiin Genden")
    workspace.entities.split_off(full.id, "P. Genden")
    genden = _named(workspace, "Genden")
    assert set(_written(workspace, genden.id)) >= {"Genden", "P. Genden"}
    assert all(written.endswith("Peljidiin Genden") for written in _written(workspace, full.id))  # titled too
    assert not workspace.entities.describe(full.id).aliases


def test_a_merge_after_a_split_joins_them_again_and_a_second_split_parts_them(workspace: Workspace) -> None:
    """Decisions hold in the order made: merged after the split, the two are one entity at every run; split again,
    two."""
    workspace.entities.recognise()
    stalin = _named(workspace, "Joseph Stalin")
    workspace.entities.split_off(stalin.id, "Satlin")
    workspace.entities.merge(stalin.id, _named(workspace, "Satlin").id)
    workspace.entities.recognise()
    assert "Satlin" in workspace.entities.describe(stalin.id).aliases
    workspace.entities.split_off(stalin.id, "Satlin")
    workspace.entities.recognise()
    assert "Satlin" not in workspace.entities.describe(stalin.id).aliases
    assert _named(workspace, "Satlin").mention_count > 0


def test_only_a_differently_keyed_name_can_be_split_off(workspace: Workspace) -> None:
    """The entity's own name, a name it does not have, or a date's wording are refused in one line, nothing
    stored; only names of another key are offered, those of one key together."""
    import pytest

    from reader.core.errors import ReaderError

    workspace.entities.recognise()
    stalin = _named(workspace, "Joseph Stalin")
    assert workspace.entities.separable_names(stalin.id) == [("I. V. Stalin", "Stalin"), ("Satlin",)]
    date = next(e for e in workspace.entities.register() if e.type == "DATE" and e.aliases)
    steps = len(workspace.history.steps())
    for entity, name in ((stalin, "Joseph Stalin"), (stalin, "Genden"), (date, date.aliases[0])):
        with pytest.raises(ReaderError, match="cannot be split off"):
            workspace.entities.split_off(entity.id, name)
    assert workspace.entities.separable_names(date.id) == []
    assert len(workspace.history.steps()) == steps


def _recognised_with(workspace: Workspace, path, text: str) -> int:
    """The library with one more document of `text`, recognised; its id."""
    path.write_text(text, encoding="utf-8")
    workspace.documents.import_paths([path])
    workspace.entities.recognise()
    return workspace.documents.resolve(path.name).id


def test_the_english_model_names_nothing_in_another_script(workspace: Workspace, tmp_path) -> None:
    """On a Russian letter the English model made "Письмо" (letter) a person, "Он" (he) a person and "Решение"
    (decision) a place put on the map in the Balkans: a Russian text is read by the Russian model, which names its
    people and places only."""
    letter = ("Письмо из Урги. Он писал, что Решение принято. Позже Чойбалсан приехал в Ургу.\n\n"
              "Письмо было получено в Москве. Решение было тайным, и Чойбалсан молчал.\n")
    document_id = _recognised_with(workspace, tmp_path / "letter_ru.txt", letter)
    found = {(m.text, m.type) for m in workspace.entities.mentions(document_id) if m.type != "DATE"}
    assert {("Урги", "PLACE"), ("Москве", "PLACE")} <= found
    assert not {text for text, _ in found} & {"Письмо", "Он", "Решение"}
    assert [m.text for m in workspace.entities.mentions(document_id)].count("Чойбалсан") == 2


def test_a_name_written_decomposed_is_the_same_entity(workspace: Workspace, tmp_path) -> None:
    """"Sükhbaatar" written decomposed (u and a combining diaeresis, as text pasted from some PDFs comes), marked by
    hand, became a second entity looking exactly like the first: names are compared in one Unicode form."""
    text = ("Su\u0308khbaatar rode to Kyakhta in 1921 with his men.\n\n"
            "Later S\u00fckhbaatar spoke to the delegates in Urga about the treaty.\n")
    document_id = _recognised_with(workspace, tmp_path / "rider.txt", text)
    for written in ("Su\u0308khbaatar", "S\u00fckhbaatar"):
        start = text.index(written)
        if not any(m.start == start for m in workspace.entities.mentions(document_id)):
            workspace.entities.add_mention(document_id, start, start + len(written), "PERSON")
    named = {m.entity_id for m in workspace.entities.mentions(document_id) if "khbaatar" in text[m.start:m.end]}
    assert len(named) == 1


def test_several_entities_merge_in_one_decision_that_agrees_with_a_full_run(workspace: Workspace, monkeypatch) -> None:
    """The register's Merge of several selected rows: one step, applied to the rows alone (one of another type
    among them: each mention takes the kept entity's type), the ids and notes of all carried over, and the same
    register a full run gives; Undo brings them apart."""
    from reader.core.entities import service

    workspace.entities.recognise()
    register = {e.name: e for e in workspace.entities.register()}
    keeper, spelling = register["USSR"], register["Soviet Union"]
    other_kind = next(e for e in register.values() if e.type == "ORG")  # "Soviet government", told as the state
    workspace.entities.set_details(spelling.id, wikidata="Q15180")
    workspace.entities.set_details(other_kind.id, note="read as another kind")
    before = _register(workspace)
    steps = len(workspace.history.steps())
    monkeypatch.setattr(service.EntityService, "recognise", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    workspace.entities.merge(keeper.id, spelling.id, other_kind.id)
    monkeypatch.undo()
    kept = workspace.entities.describe(keeper.id)
    assert (kept.wikidata, kept.note, kept.mention_count) == (
        "Q15180", "read as another kind", keeper.mention_count + spelling.mention_count + other_kind.mention_count)
    assert {m.type for m in workspace.entities.mentions() if m.entity_id == keeper.id} == {keeper.type}
    assert len(workspace.history.steps()) == steps + 1 and not workspace.entities.is_stale()
    assert _register(workspace) == _full_run(workspace)
    workspace.history.undo()
    workspace.entities.ensure_current()
    assert _register(workspace) == before


def test_an_entity_merged_away_cannot_be_merged_into(workspace: Workspace) -> None:
    """A register left open showed an entity already merged into another: merging the other into it was accepted,
    and every mention of the person moved to the place merged away until the next full run moved them back."""
    from reader.core.errors import ReaderError

    workspace.entities.recognise()
    register = {e.name: e for e in workspace.entities.register()}
    keeper, other = register["USSR"], register["Soviet Union"]
    workspace.entities.merge(keeper.id, other.id)
    for ids in ((other.id, keeper.id), (keeper.id, other.id)):
        try:
            workspace.entities.merge(*ids)
            raise AssertionError("merged into an entity merged away")
        except ReaderError as exc:
            assert "merged into another" in str(exc)


def test_a_register_consolidated_by_an_older_rule_is_rebuilt(workspace: Workspace, monkeypatch) -> None:
    """A rule of consolidation that changed ("La" and "Il" no names) never reached a library consolidated before it:
    the register's inputs name the rules' version, so a library opened after the change is consolidated again."""
    from reader.core.entities import service

    workspace.entities.ensure_current()
    assert not workspace.entities.is_stale()
    monkeypatch.setattr(service, "REGISTER_VERSION", service.REGISTER_VERSION + "-next")
    assert workspace.entities.is_stale()


def test_a_mention_moved_to_an_entity_no_text_names_any_more_keeps_its_name(workspace: Workspace) -> None:
    """A mention moved to Peljidiin Genden, once every text naming him went to the Trash, was shown under the
    register's lower-case key 'peljidiin genden': it keeps the name the entity had when the mention was moved."""
    workspace.entities.recognise()
    genden = next(e for e in workspace.entities.register() if e.name == "Peljidiin Genden")
    other = workspace.documents.resolve("004").id
    mention = next(m for m in workspace.entities.mentions(other) if m.type == "PERSON" and m.entity_id != genden.id)
    workspace.entities.move_mention(mention.document_id, mention.start, mention.end, genden.id)
    for reference in ("000", "001", "002", "003"):
        workspace.documents.delete(workspace.documents.resolve(reference).id)
    workspace.entities.ensure_current()
    assert _entity_at(workspace, mention) == ("Peljidiin Genden", "PERSON")


def test_a_type_chosen_makes_its_mentions_sure_at_once_as_recognition_does(workspace, shared_model):
    """A type the user chose makes its entity's mentions sure: recognition says so, but the quick path kept their
    doubt, so a mention stayed among the doubtful ones until an undo and redo made recognition run (audit BT F1)."""
    workspace.entities.model = shared_model
    workspace.entities.recognise()
    doubtful = workspace.entities.low_confidence_mentions()[0]
    kind = "ORG" if doubtful.type != "ORG" else "PLACE"
    workspace.entities.set_type(doubtful.entity_id, kind)
    assert doubtful.entity_id not in {m.entity_id for m in workspace.entities.low_confidence_mentions()}


def _confidences(workspace: Workspace, entity_id: int) -> list[tuple]:
    return sorted((m.document_id, m.start, m.end, m.confidence) for m in workspace.entities.mentions()
                  if m.entity_id == entity_id)


def test_a_merge_keeps_the_keepers_type_and_is_sure_as_a_full_run_is(workspace: Workspace) -> None:
    """The merged entity keeps the type of the one whose name is kept, and its mentions are the user's: a full run
    voted the type again over every name merged (a person became a place) and scored the mentions anew, so an undo
    and redo, or the next recognition, changed what the merge had shown (audit BV F4, F5)."""
    workspace.entities.recognise()
    register = {e.name: e for e in workspace.entities.register()}
    person = next(e for e in register.values() if e.type == "PERSON")
    place = next(e for e in register.values() if e.type == "PLACE")
    workspace.entities.merge(person.id, place.id)
    merged = (workspace.entities.describe(person.id).type, _confidences(workspace, person.id))
    assert merged[0] == "PERSON" and all(confidence == 1.0 for *_place, confidence in merged[1])
    workspace.entities.recognise()
    assert (workspace.entities.describe(person.id).type, _confidences(workspace, person.id)) == merged


def test_a_dates_type_is_its_own(workspace: Workspace) -> None:
    """Dates are read by their patterns: a date made a person, a name made a date, dates merged or a name's
    mention moved to a date were kept by the quick path and undone by the next recognition (or made the date a
    person), so each is refused in one line (audit BV F1, F2, F7, F12)."""
    import pytest

    from reader.core.errors import ReaderError

    workspace.entities.recognise()
    dates = [e for e in workspace.entities.register() if e.type == "DATE"]
    person = next(e for e in workspace.entities.register() if e.type == "PERSON")
    mention = next(m for m in workspace.entities.mentions() if m.entity_id == person.id)
    for refused in (lambda: workspace.entities.set_type(dates[0].id, "PERSON"),
                    lambda: workspace.entities.set_type(person.id, "DATE"),
                    lambda: workspace.entities.merge(dates[0].id, dates[1].id),
                    lambda: workspace.entities.move_mention(mention.document_id, mention.start, mention.end,
                                                            dates[0].id)):
        with pytest.raises(ReaderError, match="date"):
            refused()


def test_a_suggestion_goes_with_the_mentions_of_its_entity(workspace: Workspace) -> None:
    """An entity judged not one kept its merge suggestions listed, to merge with nothing (audit BV F6)."""
    workspace.entities.recognise()
    suggestion = workspace.entities.suggestions()[0]
    workspace.entities.reject_entity(suggestion.other_id)
    assert all(suggestion.other_id not in (s.entity_id, s.other_id) for s in workspace.entities.suggestions())


def test_text_marked_as_boilerplate_makes_the_register_out_of_date(workspace: Workspace) -> None:
    """Names in text a user marks as boilerplate (an advert, a masthead) are no mentions, but the register stayed
    current and kept them listed until something else made recognition run (audit BW F3)."""
    workspace.entities.recognise()
    mention = next(m for m in workspace.entities.mentions() if m.type == "PERSON")
    workspace.documents.set_boilerplate(mention.document_id, mention.start, mention.end, True)
    assert workspace.entities.is_stale()
    workspace.entities.ensure_current()
    assert (mention.start, mention.end) not in {(m.start, m.end) for m in workspace.entities.mentions(
        mention.document_id)}


def test_a_merge_split_again_leaves_the_type_to_recognition(workspace: Workspace) -> None:
    """A merge keeps the kept entity's type; split off again, the merge is gone and so is that type: the kept
    entity's mentions stayed sure and out of Doubtful mentions (audit BW F1). A date's type is never set, even to
    DATE (BW F2)."""
    import pytest

    from reader.core.errors import ReaderError

    workspace.entities.recognise()
    register = {e.name: e for e in workspace.entities.register()}
    hovd, uliastai = register["Hovd"], register["Uliastai"]
    before = _confidences(workspace, hovd.id)
    assert any(confidence < 1.0 for *_place, confidence in before)
    workspace.entities.merge(hovd.id, uliastai.id)
    workspace.entities.split_off(hovd.id, "Uliastai")
    workspace.entities.ensure_current()
    assert _confidences(workspace, hovd.id) == before
    date = next(e for e in workspace.entities.register() if e.type == "DATE")
    with pytest.raises(ReaderError, match="dates are read by their patterns"):
        workspace.entities.set_type(date.id, "DATE")


def test_a_name_moved_to_a_date_before_such_moves_were_refused_stays_a_name(workspace: Workspace) -> None:
    """A library that moved a name's mention to a date (before such moves were refused) had that date made a person
    at every later run, its own mention too (audit BW F4, BV F12): the move is passed over."""
    from reader.core.ops import operation
    from reader.core.storage import entities as store

    workspace.entities.recognise()
    date = next(e for e in workspace.entities.register() if e.type == "DATE")
    person = next(e for e in workspace.entities.register() if e.type == "PERSON")
    mention = next(m for m in workspace.entities.mentions() if m.entity_id == person.id)
    key = workspace.db.execute("SELECT key FROM entities WHERE id = ?", [date.id]).fetchone()[0]
    with operation(workspace.db, "An older library's move"):
        store.add_decision(workspace.db, "move_mention", {"document_id": mention.document_id, "start": mention.start,
                                                           "end": mention.end, "to": key, "name": date.name})
    workspace.entities.recognise()
    assert workspace.entities.describe(date.id).type == "DATE"
    assert _entity_at(workspace, mention)[1] == "PERSON"


def _titled_person(workspace: Workspace):
    """A person one of whose mentions took in the title written before the name ('War Minister …')."""
    workspace.entities.recognise()
    register = {e.id: e for e in workspace.entities.register()}
    return next(register[m.entity_id] for m in workspace.entities.mentions()
                if m.type == "PERSON" and not m.text.startswith(register[m.entity_id].name.split()[0])
                and m.text.endswith(register[m.entity_id].name))


def test_a_person_retyped_leaves_the_title_out_of_its_mention_and_back_in_as_a_person(workspace: Workspace) -> None:
    """A person's mention takes in the title before the name ('War Minister Damdainiin Sukhbaatar'), another's does
    not: retyped, the person kept the title in its mention until the next recognition placed it anew, so an undo and
    redo, or new text, moved the highlight (audit BV F3). Both ways, the mentions are as a full run places them."""
    person = _titled_person(workspace)
    workspace.entities.set_type(person.id, "ORG")
    assert _register(workspace) == _full_run(workspace)
    assert not any(m.text.endswith(" " + person.name) for m in workspace.entities.mentions()
                   if m.entity_id == person.id)
    workspace.entities.set_type(person.id, "PERSON")
    assert _register(workspace) == _full_run(workspace)
    assert any(m.text.endswith(" " + person.name) for m in workspace.entities.mentions() if m.entity_id == person.id)


def test_a_titled_person_merged_into_a_place_leaves_the_title_out_as_a_full_run_does(workspace: Workspace) -> None:
    """Merged into an entity of another type, a person's mentions take that type, and leave out the titles a person's
    mention takes in: the quick path kept them until the next recognition (audit BV F3, a merge's half)."""
    person = _titled_person(workspace)
    place = next(e for e in workspace.entities.register() if e.type == "PLACE")
    workspace.entities.merge(place.id, person.id)
    assert _register(workspace) == _full_run(workspace)


def test_an_acronym_keeps_its_type_when_the_name_it_opens_is_merged_away(workspace: Workspace) -> None:
    """"MPRP" is a body because "MPRP Central Committee" is one; merged into "MPP Central Committee", that name is
    another's, and a full run (an undo and redo) voted "MPRP" a place, though the merge had left it a body (audit DI
    5). A name opening with an acronym leans it to its entity's type whichever name the entity goes by."""
    workspace.entities.recognise()
    register = {e.name: e for e in workspace.entities.register()}
    assert register["MPRP"].type == "ORG"
    workspace.entities.merge(register["MPP Central Committee"].id, register["MPRP Central Committee"].id)
    assert _register(workspace) == _full_run(workspace)
    assert workspace.entities.describe(register["MPRP"].id).type == "ORG"
