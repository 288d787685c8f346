"""Where names end and what type their context gives them, on small invented texts (the model is real)."""

from reader.core.entities.cluster import Cluster
from reader.core.entities.consolidate import DocumentInput, consolidate
from reader.core.entities.context import record_lists
from reader.core.entities.decisions import Decisions
from reader.core.entities.gazetteer import is_known_place
from reader.core.entities.joined import split_joined_names
from reader.core.entities.model import Candidate, candidates_in
from reader.core.entities.names import name_key
from reader.core.entities.voting import decide_types

HEADLINE = "Harold Brinkley\n\nBrinkley Falls into Disgrace\n\nBrinkley realized that the council had turned.\n"
CAPTION = "«What will you do now?»: A. K. Brinkley Talking to the Press on May 4, 1921\n"
STATE = ("Although Velmoria was a small puppet state, it wanted recognition. "
         "After the establishment of Velmoria, Brinkley, who had never cared, changed his mind.\n")


def _texts(model, text: str) -> list[str]:
    return [c.text for c in next(model.candidates([text]))]


def test_headline_verb_ends_the_name(shared_model):
    """In 'Brinkley Falls into Disgrace' the capitalised verb is not part of the person's name."""
    found = _texts(shared_model, HEADLINE)
    assert "Brinkley Falls" not in found and found.count("Brinkley") >= 2


def test_caption_verb_ends_the_name(shared_model):
    """'A. K. Brinkley Talking to the Press': the name stops before the verb."""
    found = _texts(shared_model, CAPTION)
    assert "A. K. Brinkley" in found and not any("Talking" in text for text in found)


def test_possessive_ends_a_person_span(shared_model):
    """A person span the model stretched over "Brinkley’s Gamble" keeps only the possessor."""
    doc = shared_model.load()("Brinkley’s Gamble")
    doc.ents = [doc.char_span(0, len(doc.text), label="PERSON")]
    assert [c.text for c in candidates_in(doc)] == ["Brinkley"]


def test_listed_names_in_one_span_are_split(shared_model):
    """A span the model read as one title, 'Tarvel and Oskarsen', is two names, neither a work of art."""
    doc = shared_model.load()("The mayor came, accompanied by Tarvel and Oskarsen.")
    start = doc.text.index("Tarvel")
    doc.ents = [doc.char_span(start, doc.text.index("."), label="WORK_OF_ART")]
    found = {c.text: c.votes for c in candidates_in(doc)}
    assert set(found) == {"Tarvel", "Oskarsen"} and not any("OTHER" in votes for votes in found.values())


def test_description_votes_place_and_comma_is_no_list(shared_model):
    """'X was a puppet state' and 'the establishment of X' vote place; 'of X, Brinkley,' links no types."""
    found = next(shared_model.candidates([STATE]))
    states = [c for c in found if c.text == "Velmoria"]
    assert states[0].votes.get("PLACE", 0) >= 1.0 and states[1].votes.get("PLACE", 0) >= 0.5
    assert "PERSON" not in states[1].votes
    assert "PLACE" not in next(c for c in found if c.text == "Brinkley").votes


def _types(text: str, candidates: list[Candidate]) -> dict[str, str]:
    return consolidate([DocumentInput(1, text, [], candidates, [])], Decisions(), is_known_place).types


def test_names_listed_with_places_lean_place():
    """'Velmoria and Japan', 'Velmoria or Japan': a name the model calls a person twice, listed twice with a
    gazetteer place and once described as a state, is voted a place over all its mentions."""
    text = "Velmoria and Japan. Velmoria or Japan. Velmoria was a state."
    record_lists(text, found := [Candidate(0, 8, "Velmoria", {"PERSON": 1.0}), Candidate(13, 18, "Japan", {}),
                                 Candidate(20, 28, "Velmoria", {"PERSON": 1.0}), Candidate(32, 37, "Japan", {}),
                                 Candidate(39, 47, "Velmoria", {"PLACE": 2.0})])
    assert found[0].listed_with == ["Japan"] and found[1].listed_with == ["Velmoria"]
    assert _types(text, found)["velmoria"] == "PLACE"


def test_a_bare_comma_is_no_list():
    """'the founding of Velmoria, Brinkley said': a comma alone links no names."""
    text = "the founding of Velmoria, Brinkley said"
    found = [Candidate(16, 24, "Velmoria", {}), Candidate(26, 34, "Brinkley", {})]
    record_lists(text, found)
    assert found[0].listed_with == [] and found[1].listed_with == []


def test_name_without_evidence_takes_the_type_of_its_list():
    """'met Tarvel and Oskarsen in ...': Oskarsen, with one weak place vote, is a person because Tarvel is one."""
    text = "Tarvel spoke. Tarvel left. We met Tarvel and Oskarsen in Velmoria."
    found = [Candidate(0, 6, "Tarvel", {"PERSON": 1.5}), Candidate(14, 20, "Tarvel", {"PERSON": 1.0}),
             Candidate(34, 40, "Tarvel", {}), Candidate(45, 53, "Oskarsen", {"PLACE": 1.0}),
             Candidate(57, 65, "Velmoria", {"PLACE": 1.5})]
    record_lists(text, found)
    assert _types(text, found)["oskarsen"] == "PERSON"


def test_preposition_governs_both_names_of_a_list(shared_model):
    """'built in Hovrat and Ulmask': 'in' is evidence of a place for the second name too."""
    found = next(shared_model.candidates(["The telegraph was built in Hovrat and Ulmask during the war.\n"]))
    assert all(c.votes.get("PLACE", 0) >= 0.5 for c in found if c.text in ("Hovrat", "Ulmask"))


def test_offices_and_calendar_words_are_not_names():
    """'Finance Minister', 'Deputy Chief', 'March' alone are no entities; 'Margaret King' is a name."""
    text = "Finance Minister. Deputy Chief. March. Margaret King."
    found = [Candidate(0, 16, "Finance Minister", {"PERSON": 1.0}), Candidate(18, 30, "Deputy Chief", {}),
             Candidate(32, 37, "March", {}), Candidate(39, 52, "Margaret King", {"PERSON": 1.0})]
    assert set(_types(text, found)) == {"margaret king"}


def test_capitalised_common_word_keeps_the_model_label():
    """'the Party' labelled ORG, where the text also says 'party', is no one-word person name."""
    text = "The Party met. The party was large."
    assert _types(text, [Candidate(4, 9, "Party", {"ORG": 1.0})])["party"] == "ORG"


def test_qualified_gazetteer_places():
    """'Upper Egypt' and 'Pan-Africa' are places; a first name before a city ('Jack London') is not a qualifier."""
    assert is_known_place("Upper Egypt") and is_known_place("Pan-Africa") and is_known_place("Northern Ireland")
    assert not is_known_place("Jack London")


def test_gazetteer_place_wins_a_tie_with_the_model():
    """One person label from the model against the gazetteer: 'Upper Egypt' is a place."""
    text = "They invaded Upper Egypt."
    document = DocumentInput(1, text, [], [Candidate(13, 24, "Upper Egypt", {"PERSON": 1.0})], [])
    result = consolidate([document], Decisions(), is_known_place)
    assert result.types["upper egypt"] == "PLACE"


def _cluster(key: str, count: int) -> Cluster:
    cluster = Cluster(key)
    cluster.names[key.title()] = count
    cluster.places = [(1, i * 100, i * 100 + len(key), key.title()) for i in range(count)]
    return cluster


def test_two_known_names_read_as_one_are_split():
    """'Bradnt Kessler' (a typo of Brandt, then Kessler, both named alone more often) is two people."""
    clusters = {k: _cluster(k, n) for k, n in (("brandt", 6), ("kessler", 4), ("bradnt kessler", 1))}
    split_joined_names(clusters)
    assert "bradnt kessler" not in clusters
    assert clusters["kessler"].count == 5 and clusters["bradnt"].places == [(1, 0, 6, "Bradnt")]
    assert clusters["kessler"].places[-1] == (1, 7, 14, "Kessler")


def test_full_names_are_not_split():
    """'Anton Kessler' stays whole: 'Anton' is never used alone; 'Brandt Kessler' is commoner than 'Brandt'."""
    clusters = {k: _cluster(k, n) for k, n in (("brandt", 1), ("kessler", 4), ("anton kessler", 1),
                                               ("brandt kessler", 3))}
    split_joined_names(clusters)
    assert "anton kessler" in clusters and "brandt kessler" in clusters


def test_span_across_a_line_break_keeps_the_name_on_its_head_line(shared_model):
    """A span the model ran from a heading into the next line ('Last Stand\\n\\nVelmoria') yields only 'Velmoria',
    without the run's label, and with the vote of the sentence that describes it."""
    doc = shared_model.load()("Last Stand\n\nVelmoria was a small island.")
    doc.ents = [doc.char_span(0, doc.text.index(" was"), label="ORG")]
    found = {c.text: c.votes for c in candidates_in(doc)}
    assert list(found) == ["Velmoria"] and "ORG" not in found["Velmoria"] and found["Velmoria"]["PLACE"] >= 2


def test_listed_descriptions_and_titles_of_places(shared_model):
    """'Brinkley was a scholar and poet' describes a person; in 'the king of Velmoria' Velmoria is a place."""
    found = next(shared_model.candidates(["Brinkley was a scholar and poet. He served the king of Velmoria.\n"]))
    votes = {c.text: c.votes for c in found}
    assert votes["Brinkley"].get("PERSON", 0) >= 4 and votes["Velmoria"].get("PLACE", 0) >= 0.5


def test_one_word_name_after_the_is_no_person():
    """'the Oberhaus' (twice, labelled ORG once) stays an organisation; without 'the' the one-word prior says person."""
    text = "the Oberhaus met. the Oberhaus voted."
    votes = ({"ORG": 1.0}, {"PERSON": 0.5})
    definite = [Candidate(4, 12, "Oberhaus", dict(votes[0]), definite=True),
                Candidate(22, 30, "Oberhaus", dict(votes[1]), definite=True)]
    bare = [Candidate(c.start, c.end, c.text, dict(v)) for c, v in zip(definite, votes, strict=True)]
    assert _types(text, definite)["oberhaus"] == "ORG" and _types(text, bare)["oberhaus"] == "PERSON"


def test_to_is_weaker_place_evidence_than_in(shared_model):
    """'wrote to Brinkley' is weak evidence of a place (people are written to); 'in Velmoria' is stronger."""
    found = next(shared_model.candidates(["Harold Metz wrote to Brinkley in Velmoria.\n"]))
    votes = {c.text: c.votes for c in found}
    assert votes["Brinkley"].get("PLACE", 0) < votes["Velmoria"].get("PLACE", 0)


def test_capitalised_office_in_apposition_and_who_describe_a_person(shared_model):
    """'Oskarsen, Secretary of the Party' and 'Tarvel, who ...' describe people, whatever label the model gives."""
    text = "The letter reached Oskarsen, Secretary of the Party. It was Tarvel, who read it.\n"
    votes = {c.text: c.votes for c in next(shared_model.candidates([text]))}
    assert votes["Oskarsen"].get("PERSON", 0) >= 2 and votes["Tarvel"].get("PERSON", 0) >= 1


def test_preposition_ends_a_person_span_but_particles_do_not(shared_model):
    """'Brinkley at Velmoria' is Brinkley; 'Karl von Brinkley' keeps its particle."""
    doc = shared_model.load()("They met Brinkley at Velmoria and Karl von Brinkley.")
    doc.ents = [doc.char_span(9, 29, label="PERSON"), doc.char_span(34, 51, label="PERSON")]
    assert [c.text for c in candidates_in(doc)] == ["Brinkley", "Karl von Brinkley"]


def test_name_only_seen_after_the_without_other_evidence_is_a_body():
    """'the Oberhaus' with no label at all: an organisation rather than the default person."""
    text = "the Oberhaus met."
    assert _types(text, [Candidate(4, 12, "Oberhaus", {}, definite=True)])["oberhaus"] == "ORG"


def test_plural_proper_noun_names_a_people_not_a_person():
    """'the Velmorians' (a plural proper noun the model calls PERSON) stays out of the register of people."""
    text = "the Velmorians came. Velmorians left."
    found = [Candidate(4, 14, "Velmorians", {"PERSON": 1.0}, plural=True),
             Candidate(21, 31, "Velmorians", {"PERSON": 1.0}, plural=True)]
    assert "velmorians" not in _types(text, found)


def test_known_name_is_not_found_inside_a_name_kept_out():
    """'Article' is a name once, but not inside the law 'Article Two' the model labelled as such."""
    text = "Article Two was signed. The Article said little."
    found = [Candidate(0, 11, "Article Two", {"OTHER": 1.0}), Candidate(28, 35, "Article", {"ORG": 1.0})]
    document = DocumentInput(1, text, [], found, [])
    result = consolidate([document], Decisions(), is_known_place)
    assert {p for cluster in result.clusters for p in cluster.places} == {(1, 28, 35, "Article")}


def test_page_furniture_is_no_name(shared_model):
    """'Abstract' or 'Read online' alone on a line are page headings and links; a name in a sentence is kept."""
    doc = shared_model.load()("Abstract\n\nRead online\n\nTarvel wrote the report.\n")
    assert [c.text for c in candidates_in(doc)] == ["Tarvel"]


def test_trailing_honorific_is_set_aside():
    """'Tarvel Pasha', 'Tarvel Bey' and 'Tarvel' are compared as one name."""
    assert name_key("Tarvel Pasha") == name_key("Tarvel Bey") == name_key("Tarvel") == "tarvel"
    assert name_key("Pasha") == "pasha"


def test_lower_case_verb_ends_an_organisation_span(shared_model):
    """An organisation the model ran into its verb ('the Assembly of Elders issued Order No.5') ends before the
    verb; a capitalised participle inside a name ('Allied Grain Board') does not end it."""
    nlp = shared_model.load()
    doc = nlp("Then the Assembly of Elders issued Order No.5 to the villages.")
    doc.ents = [doc.char_span(5, doc.text.index(" to the"), label="ORG")]
    assert [c.text for c in candidates_in(doc) if "Assembly" in c.text] == ["the Assembly of Elders"]
    doc = nlp("The Allied Grain Board met.")
    doc.ents = [doc.char_span(4, 22, label="ORG")]
    assert "Allied Grain Board" in [c.text for c in candidates_in(doc)]


def _voted(key: str, count: int, label: str) -> Cluster:
    cluster = _cluster(key, count)
    cluster.votes[label] = float(count)
    return cluster


def _candidate_named(model, text: str, name: str) -> Candidate:
    return next(c for c in next(model.candidates([text])) if c.text == name)


def test_preposition_before_a_possessor_is_no_place_evidence(shared_model):
    """In 'at Brinkley’s insistence' the preposition governs 'insistence': no place vote for Brinkley."""
    text = "Both sides gave way, and at Brinkley’s insistence the clause was dropped.\n"
    assert _candidate_named(shared_model, text, "Brinkley").votes.get("PLACE", 0) == 0


def test_name_in_apposition_to_a_person_noun_votes_person(shared_model):
    """'the head of the delegation, Brinkley, refused': the noun Brinkley stands beside says he is a person."""
    text = "At this session the head of the Velmorian delegation, Brinkley, refused the offer.\n"
    assert _candidate_named(shared_model, text, "Brinkley").votes.get("PERSON", 0) >= 2.0


def test_the_article_counts_only_when_it_is_the_names_own(shared_model):
    """'the Brinkley affair': the article belongs to 'affair'; 'the Velmintern had': it belongs to the name."""
    text = "He was freed after the Brinkley affair. Admittedly, the Velmintern had planned the revolt.\n"
    assert not _candidate_named(shared_model, text, "Brinkley").definite
    assert _candidate_named(shared_model, text, "Velmintern").definite


def test_name_mostly_after_the_is_no_person():
    """A name the model called a person but the texts write 'the X' is typed as a body."""
    cluster = _voted("velmintern", 2, "PERSON")
    cluster.definite = 2
    assert decide_types({"velmintern": cluster}, {}, lambda name: False, set())["velmintern"] == "ORG"


def test_name_ending_in_a_surely_known_person_is_that_person():
    """'Urlug Brandt' (a title in another language, labelled an organisation once) is the person Brandt; a name
    ending in a place ('Northern Velmoria') gets no such lean."""
    clusters = {"brandt": _voted("brandt", 5, "PERSON"), "urlug brandt": _voted("urlug brandt", 1, "ORG"),
                "velmoria": _voted("velmoria", 5, "PLACE"), "northern velmoria": _voted("northern velmoria", 1, "ORG")}
    types = decide_types(clusters, {}, lambda name: False, set())
    assert types["urlug brandt"] == "PERSON" and types["northern velmoria"] == "ORG"


def test_initials_glued_to_a_surname_make_a_person(shared_model):
    """'B.Kessler' and 'A.K.Brandt' are people; an organisation run into one ('the Section L.Brandt') ends before
    it."""
    text = "The delegation was headed by B.Kessler and included A.K.Brandt from the Legal Section L.Vorn, a clerk.\n"
    found = {c.text: c.votes for c in next(shared_model.candidates([text]))}
    assert all(found[name].get("PERSON", 0) >= 1.0 for name in ("B.Kessler", "A.K.Brandt", "L.Vorn"))
    assert not any("L.Vorn" in name and name != "L.Vorn" for name in found)



def test_bracketed_word_stays_inside_the_name(shared_model):
    """'Velmorian Workers (Radical) League' read as two pieces is one name; no piece keeps a lone bracket."""
    doc = shared_model.load()("He joined the Velmorian Workers (Radical) League in 1911.")
    first, second = doc.text.index("Velmorian"), doc.text.index("Radical")
    doc.ents = [doc.char_span(first, first + len("Velmorian Workers"), label="ORG"),
                doc.char_span(second, doc.text.index(" in"), label="ORG")]
    found = [c.text for c in candidates_in(doc)]
    assert "Velmorian Workers (Radical) League" in found and not any(")" in t and "(" not in t for t in found)



def test_following_place_noun_votes_place(shared_model):
    """'the governor of Varnek oblast', 'Varnek province': the lower-case place noun after a name says what it is."""
    found = next(shared_model.candidates(["He met the governor of Varnek oblast in May."]))
    assert next(c for c in found if c.text == "Varnek").votes.get("PLACE", 0) >= 2.0



def test_organisation_noun_or_article_is_never_a_person():
    """'Congress' and 'Harvest Combine' end in a body's noun; 'the Velkom' is always written after 'the': no person,
    while 'Tarvel' stays one."""
    text = "the Congress met. Harvest Combine paid. the Velkom decided. Tarvel came."
    found = [Candidate(4, 12, "Congress", {"PERSON": 1.0}, definite=True),
             Candidate(18, 33, "Harvest Combine", {"PERSON": 1.0}),
             Candidate(44, 50, "Velkom", {"PERSON": 1.0}, definite=True),
             Candidate(60, 66, "Tarvel", {"PERSON": 1.0})]
    types = _types(text, found)
    assert (types["congress"], types["harvest combine"], types["velkom"], types["tarvel"]) == \
        ("ORG", "ORG", "ORG", "PERSON")



def test_acronym_opening_a_body_leans_to_a_body():
    """'VLP', once mislabelled a place, leans to a body when it opens 'VLP Central Committee', a body."""
    text = "VLP Central Committee met. VLP Central Committee ruled. at the VLP congress"
    found = [Candidate(0, 21, "VLP Central Committee", {"ORG": 1.0}),
             Candidate(27, 48, "VLP Central Committee", {"ORG": 1.0}),
             Candidate(63, 66, "VLP", {"PLACE": 1.5})]
    assert all(text[c.start:c.end] == c.text for c in found)
    assert _types(text, found)["vlp"] == "ORG"


def test_the_republic_of_x_says_what_x_is(shared_model):
    """'the republic of Velmoria' names a place as plainly as 'Velmoria was a republic'; 'the border of' only hints."""
    text = "A month later they proclaimed the republic of Velmoria, far from the border of Ostrana.\n"
    candidates = {c.text: c.votes for c in next(shared_model.candidates([text]))}
    assert candidates["Velmoria"].get("PLACE", 0) >= 2.0 > candidates["Ostrana"].get("PLACE", 0)


def test_a_place_noun_before_in_or_at_says_what_follows_is_a_place(shared_model):
    """'the border town at Varnesk' describes Varnesk as plainly as 'the town of'; a bare 'at Ostrana' only hints."""
    text = "He reached Belgor, the northern border town at Varnesk, and later stayed at Ostrana for a week.\n"
    candidates = {c.text: c.votes for c in next(shared_model.candidates([text]))}
    assert candidates["Varnesk"].get("PLACE", 0) >= 2.0 > candidates["Ostrana"].get("PLACE", 0)


def test_a_general_qualifier_before_a_place_is_part_of_its_name(shared_model):
    """'Soviet Latvia' is one place (the model reads 'Soviet' as a nationality); in 'Tsarist Latvia' the place is
    Latvia."""
    text = ("The delegation requested that Soviet Latvia not prevent those who wished to leave. "
            "Tsarist Latvia had done so.\n")
    names = [c.text for c in next(shared_model.candidates([text]))]
    assert names.count("Soviet Latvia") == 1 and "Soviet" not in names
    assert names.count("Latvia") == 1 and "Tsarist Latvia" not in names


def test_an_envoy_is_a_title_in_german_and_french_and_a_surname_stays_a_name(empty_workspace, tmp_path,
                                                                            shared_model):
    """'Gesandten Frederik Holm' (the envoy, in German) was a man beside Frederik Holm, set against him as a
    disagreement about who was there: Gesandter, Botschafter, ambassadeur, envoyé are titles. 'Chancellor' and
    'Kanzler' are surnames too (Richard Chancellor sailed to Moscow in 1553): they stay names."""
    from tests.core.library import recognised

    recognised(empty_workspace, tmp_path, shared_model, {
        "a.txt": "On 3 May 1890, Otto Lindqvist met the Danish envoy Frederik Holm in Bremen.\n",
        "d.txt": "Am 3. Mai 1890 traf Otto Lindqvist den dänischen Gesandten Frederik Holm in Bremen.\n",
        "c.txt": "Richard Chancellor sailed to the White Sea in 1553. Chancellor reached Moscow that winter.\n"})
    names = {e.name for e in empty_workspace.entities.register()}
    assert "Gesandten Frederik Holm" not in names and {"Otto Lindqvist", "Frederik Holm"} <= names
    assert any("Chancellor" in (e.name, *e.aliases) and e.type == "PERSON" and e.mention_count >= 2
               for e in empty_workspace.entities.register())


def test_a_mention_with_a_title_or_honorific_in_or_beside_it_is_placed_anew_across_person():
    """A person's mention takes in a title before and an honorific after the name, another's neither: such a
    mention, and only such, is placed by consolidation when its entity becomes a person or stops being one."""
    from reader.core.entities.titled import placed_by_title

    assert placed_by_title("the letter of ", "War Minister Tarvel", " was read")
    assert placed_by_title("the letter of ", "W. Stallings, Esq.", " was read")
    assert placed_by_title("the letter of Capt. ", "Tarvel", " was read")
    assert placed_by_title("a letter to ", "W. Stallings", ", Esq., was read")
    assert not placed_by_title("the letter of ", "Tarvel", ", who was read")
    assert not placed_by_title("", "Tarvel", "")
