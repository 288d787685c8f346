"""Names in Russian text: found by the Russian model, gathered by their dictionary form, joined to English spellings."""

from collections import Counter

import pytest

from reader.core.entities.cluster import Cluster
from reader.core.entities.model import ModelStep
from reader.core.entities.romanised import romanised
from reader.core.entities.scripts import mostly_cyrillic
from reader.core.entities.variants import find_variants
from tests.core.library import entity, recognised

PRAVDA = ("ПРАВДА\n\nМОСКВА, 25 ноября 1934 г. (ТАСС). Вчера, 24 ноября, тов. И. В. Сталин принял в Кремле "
          "председателя Совета министров Монгольской Народной Республики тов. П. Гендена. Беседа продолжалась "
          "более двух часов.\n\nСо стороны СССР во встрече участвовали тт. Молотов и Ворошилов.\n\nТов. Генден "
          "выразил благодарность.\n")
ACCOUNT = ("In November 1934 the Mongolian prime minister Peljidiin Genden led a delegation to Moscow. Genden met "
           "Stalin in the Kremlin on 15 November 1934, with Voroshilov and Molotov present.\n")


@pytest.fixture
def two_languages(empty_workspace, tmp_path, shared_model):
    return recognised(empty_workspace, tmp_path, shared_model, {"pravda.txt": PRAVDA, "account.txt": ACCOUNT})


@pytest.mark.parametrize(("cyrillic", "latin"), [
    ("сталин", "stalin"), ("троцкий", "trotsky"), ("ежов", "yezhov"), ("хрущёв", "khrushchev"),
    ("чойбалсан", "choibalsan"), ("толстой", "tolstoy"), ("сүхбаатар", "sukhbaatar"), ("улан-батор", "ulan-bator"),
    ("ягода", "yagoda"), ("гэндэн", "genden"), ("генден", "genden"), ("цэдэнбал", "tsedenbal")])
def test_russian_names_are_romanised_as_english_writes_them(cyrillic, latin):
    """A Russian name's Latin form is the one English histories spell ('Trotsky', not 'Trotskii')."""
    assert romanised(cyrillic) == latin


@pytest.mark.parametrize(("sentence", "written", "base"), [
    ("Встреча тов. И. В. Сталина с рабочими.", "И. В. Сталина", "И. В. Сталин"),
    ("Сталин встретился с Гэндэном в Кремле.", "Гэндэном", "Гэндэн"),
    ("По приказу Литвинова войска вошли в город.", "Литвинова", "Литвинов"),
    ("Полпред тов. Таиров встретился с атаманом Семеновым.", "Таиров", "Таиров"),
    ("Полпред тов. Таиров встретился с атаманом Семеновым.", "Семеновым", "Семенов"),
    ("Надежда Крупская писала. Письмо Н. К. Крупской пришло.", "Н. К. Крупской", "Н. К. Крупская"),
    ("Делегация прибыла в Монгольской Народной Республике.", "Монгольской Народной Республике",
     "Монгольская Народная Республика"),
    ("Дело слушалось в Военной коллегии Верховного суда СССР.", "Военной коллегии", "Военная коллегия"),
    ("Войска Народного комиссариата внутренних дел вошли в Ургу.", "Народного комиссариата внутренних дел",
     "Народный комиссариат внутренних дел"),
    ("Делегация выехала в Улан-Батор из Москвы.", "Москвы", "Москва"),
    ("Сталин встретился с Гэндэном, Чойбалсаном и Ягодой.", "Ягодой", "Ягода"),
    ("Ежов встретился с наркомом Ягодой в Кремле.", "Ягодой", "Ягода"),
    ("Ким Ир Сена принял Эйхе в Пхеньяне.", "Ким Ир Сена", "Ким Ир Сена")])
def test_a_russian_name_is_gathered_by_its_dictionary_form_as_its_sentence_reads_it(sentence, written, base,
                                                                                   shared_model):
    """Inflected names reduce to the nominative their sentence shows: 'Литвинова' after 'по приказу' is the man
    Литвинов's genitive, 'Таиров' as a subject no plural of the name Таир; adjectives agree with the head noun, a
    genitive after it and abbreviations stay; a name the dictionary cannot read in its case stays as written."""
    found = {c.text: c.base for c in shared_model.russian.candidates(sentence)}
    assert found[written] == base


def test_the_russian_model_finds_names_within_lines_without_edges(shared_model):
    """Names are found in Russian, not run across a paragraph break, without a bracket or full stop at an edge."""
    found = {c.text: c for c in shared_model.russian.candidates(PRAVDA)}
    assert found["Молотов"].votes == {"PERSON": 1.0} and found["Ворошилов"].base == "Ворошилов"
    assert found["П. Гендена"].base == "П. Генден" and found["Генден"].votes == {"PERSON": 1.0}
    assert "ТАСС" in found and all("\n" not in text and not text.endswith((".", ")")) for text in found)
    assert all(PRAVDA[c.start:c.end] == c.text for c in found.values())


def test_only_a_russian_text_goes_to_the_russian_model():
    """A text mostly in Cyrillic is Russian; an English text quoting a Russian word is not (its cache key stays)."""
    step = ModelStep()
    assert mostly_cyrillic(PRAVDA) and not mostly_cyrillic("Pravda wrote «Генден» in 1934, as the paper spelt it.")
    assert step.pipeline(PRAVDA) != step.pipeline(ACCOUNT) == step.pipeline("An English line.")


def test_a_name_and_its_romanised_form_are_one_entity():
    """'Сталин' (read from 'Сталина') and 'Stalin' merge; 'Гэндэн' and 'Генден', one name spelt two ways, too."""
    clusters = {key: Cluster(key, Counter(names), Counter({"PERSON": 1}), bases=bases) for key, names, bases in [
        ("stalin", {"Stalin": 3}, {}), ("сталин", {"Сталина": 1}, {"Сталина": "Сталин"}),
        ("гэндэн", {"Гэндэном": 2}, {"Гэндэном": "Гэндэн"}), ("генден", {"Генден": 1}, {"Генден": "Генден"})]}
    merged, _ = find_variants(clusters, set())
    assert set(clusters) == {"stalin", "гэндэн"} or set(clusters) == {"stalin", "генден"}
    assert {"сталин", "stalin"} in [set(pair) for pair in merged]


def test_russian_and_english_accounts_share_entities_and_conflict(two_languages):
    """Pravda's 'тов. И. В. Сталин' and 'тов. П. Гендена' are the English account's Stalin and Genden, so its
    24 November meeting is a conflict with the account's 15 November."""
    stalin, genden = entity(two_languages, "Stalin"), entity(two_languages, "Genden")
    assert stalin.document_count == genden.document_count == 2
    assert {"П. Гендена", "Генден"} <= set(genden.aliases) and stalin.name == "Stalin"
    assert not any(e.name in ("Тов", "тов.") for e in two_languages.entities.register())
    conflict = next(c for c in two_languages.timeline.conflicts() if any(e.value == "1934-11-24" for e in c.entries))
    assert any(e.value == "1934-11-15" for e in conflict.entries)


def test_a_name_one_letter_from_anothers_romanised_form_is_only_suggested():
    """The NKVD's Гендин was merged into the premier Genden: 'gendin' is one letter from 'genden', which the typo rule
    takes for a misspelling. A romanisation is no typo; across scripts only the very same name merges, and a person
    never with a place."""
    clusters = {key: Cluster(key, Counter(names), Counter({kind: 1}), bases=bases) for key, names, kind, bases in [
        ("genden", {"Genden": 5}, "PERSON", {}), ("гендин", {"Гендин": 2}, "PERSON", {"Гендин": "Гендин"}),
        ("orel", {"Orel": 4}, "PLACE", {}), ("орёл", {"Орёл": 1}, "PERSON", {"Орёл": "Орёл"})]}
    merged, suggestions = find_variants(clusters, set())
    assert merged == [] and set(clusters) == {"genden", "гендин", "orel", "орёл"}
    assert ("genden", "гендин") in [pair[:2] for pair in suggestions]


def test_a_russian_place_written_inflected_is_suggested_as_its_english_name():
    """'Москвы' and 'Moscow' were two places with no suggestion: the GeoNames lookup took the form as written, which
    no gazetteer lists. It takes the dictionary form ('Москва')."""
    from reader.core.entities.geonames import located
    from reader.core.entities.variants import same_places

    clusters = {"moscow": Cluster("moscow", Counter({"Moscow": 3})),
                "москва": Cluster("москва", Counter({"Москвы": 2, "Москве": 1}),
                                  bases={"Москвы": "Москва", "Москве": "Москва"})}
    pairs = same_places(clusters, {"moscow": "PLACE", "москва": "PLACE"}, set(), located)
    assert [pair[:2] for pair in pairs] == [("moscow", "москва")]


def test_a_library_read_without_the_russian_model_gains_its_names_once_it_is_installed(empty_workspace, tmp_path,
                                                                                         shared_model, monkeypatch):
    """Read while natasha was missing, a library stayed without Russian names after it was installed: the register
    counted as up to date, as nothing it was made from had changed. A register made while a model was missing is
    not current, and the next run reads again."""
    import reader.core.entities.russian as russian

    def missing():
        raise ImportError("no natasha")

    (tmp_path / "pravda.txt").write_text(PRAVDA, encoding="utf-8")
    empty_workspace.documents.import_paths([tmp_path / "pravda.txt"])
    monkeypatch.setattr(russian, "_weights_folder", missing)
    empty_workspace.entities.model = ModelStep()
    empty_workspace.entities.model._nlp, empty_workspace.entities.model._tried = shared_model.load(), True
    assert "Russian name model" in empty_workspace.entities.recognise().model_warning
    monkeypatch.undo()
    empty_workspace.entities.model = shared_model  # as the next start, with natasha installed, loads it
    assert empty_workspace.entities.is_stale()
    assert empty_workspace.entities.ensure_current() is not None
    assert "Молотов" in [e.name for e in empty_workspace.entities.register()]


def test_an_english_texts_russian_quotation_is_read_by_the_russian_model(shared_model):
    """An English text quoting a Russian paragraph lost every name in it: the whole went to the English model, whose
    Cyrillic names are dropped as noise. Each run of lines goes to the model of its script, offsets kept."""
    text = ("The Pravda report of 25 November ran as follows. Reuters in London cabled it the same night.\n\n"
            "«Вчера тов. Сталин принял в Кремле тов. Гендена. Присутствовали тт. Молотов и Ворошилов.»\n\n"
            "Sir Alexander Cadogan read it in London.\n")
    found = {(c.text, text[c.start:c.end]) for c in next(shared_model.candidates([text]))}
    assert {("Сталин", "Сталин"), ("Молотов", "Молотов"), ("London", "London")} <= found


@pytest.mark.parametrize("text", [
    "Коминтернът избра Димитров за генерален секретар. Васил Коларов беше в Москва с другарите си от партията, "
    "които пристигнаха от София през лятото на хиляда деветстотин тридесет и пета година, за да участват в конгреса. "
    "Там те се срещнаха с представители на много други партии и обсъдиха положението в Европа.",
    "У Харкові Скрипника критикували. Постишев приїхав з Москви, і Юрій Шаповал пише про це в своїй книзі про "
    "голодомор, яку видали в Києві."])
def test_cyrillic_that_is_not_russian_goes_to_no_model(text, shared_model):
    """Bulgarian and Ukrainian went to the Russian model and dictionary, which glued names to verbs ('Коминтернът
    избра Димитров') and made forms of no language ('Юріи'): Cyrillic is read as Russian only when it is."""
    assert next(shared_model.candidates([text])) == []


def test_russian_printed_before_1918_is_russian(shared_model):
    """Old print writes і beside ѣ ('Россія', 'дѣлъ'): that і is no Ukrainian letter."""
    text = ("Государь Императоръ изволилъ принять въ Царскомъ Селѣ министра иностранныхъ дѣлъ Сазонова, который "
            "доложилъ о положеніи дѣлъ въ Монголіи и о переговорахъ въ Кяхтѣ съ китайскими и монгольскими "
            "представителями. Россія поддержитъ автономію Халхи.")
    assert next(shared_model.candidates([text]))


def test_a_known_russian_name_is_found_in_every_case(empty_workspace, tmp_path, shared_model):
    """'Дзержинского' opening a sentence was missed by the model and found by nothing else: a known name is found
    wherever the text writes it, and Russian writes it in six cases."""
    text = ("Председатель ВЧК Дзержинский приехал в Москву.\n\n"
            "Дзержинского я помнил ещё по Петрограду. Позже я видел Дзержинскому письмо.\n")
    recognised(empty_workspace, tmp_path, shared_model, {"memoir.txt": text})
    dzerzhinsky = entity(empty_workspace, "Дзержинский")
    found = [m.text for m in empty_workspace.entities.mentions() if m.entity_id == dzerzhinsky.id]
    assert sorted(found) == ["Дзержинский", "Дзержинского", "Дзержинскому"]


def _consolidated(text: str, names: list[tuple[str, str, str]]):
    """The register of one text whose model found each (written name, its dictionary form, kind) where first written;
    {name as shown: [mentions as written]}."""
    from reader.core.entities.consolidate import DocumentInput, consolidate
    from reader.core.entities.decisions import Decisions
    from reader.core.entities.gazetteer import is_known_place
    from reader.core.entities.model import Candidate

    found = [Candidate(text.index(written), text.index(written) + len(written), written, {kind: 1.0}, base=base)
             for written, base, kind in names]
    result = consolidate([DocumentInput(1, text, [], found, [])], Decisions(), is_known_place)
    return {result.names[c.key]: sorted({place[:4] for place in c.places}, key=lambda place: place[1])
            for c in result.clusters}


def test_a_known_names_cases_take_no_one_elses_mention_nor_a_common_word_opening_a_sentence():
    """The cases of 'Ежов' took 'Ежова', the woman the model had named, and the cases of 'Ягода' made the berries of
    'Ягоды в тот год уродились' the commissar. A form some name is written in is that name's; a form opening a
    sentence is a name only where the dictionary knows it as no common word."""
    text = ("Ежов приехал в Москву. Ягода арестован.\n\n"
            "Ягоды в тот год уродились. Я помнил Ягоду по Петрограду. Письмо Ежова пришло осенью.\n")
    register = _consolidated(text, [("Ежов", "Ежов", "PERSON"), ("Ягода", "Ягода", "PERSON")])
    assert [p[3] for p in register["Ежов"]] == ["Ежов", "Ежова"]  # 'Письмо Ежова': the man's, no one else is so named
    text += "Ежова покончила с собой.\n"
    register = _consolidated(text, [("Ежов", "Ежов", "PERSON"), ("Ягода", "Ягода", "PERSON"),
                                    ("Ежова", "Ежова", "PERSON")])
    assert [p[3] for p in register["Ежов"]] == ["Ежов"]  # 'Ежова' is the woman's written name: hers, as written
    assert [p[3] for p in register["Ягода"]] == ["Ягода", "Ягоду"]


def test_a_name_opening_a_sentence_in_a_case_the_model_missed_is_found():
    """'Дзержинского я помнил' opening a paragraph, missed by the model: the dictionary knows that form as a
    surname's only."""
    text = "Председатель ВЧК Дзержинский приехал.\n\nДзержинского я помнил ещё по Петрограду.\n"
    found = _consolidated(text, [("Дзержинский", "Дзержинский", "PERSON")])["Дзержинский"]
    assert [place[3] for place in found] == ["Дзержинский", "Дзержинского"]


def test_a_form_written_alike_is_one_name_whatever_its_sentence_made_of_it():
    """'Сухэ-Батора' was reduced to 'Сухэ-Батор' in one sentence and left as written in another: two entities, one
    named in the genitive, the other with no mention left and a suggestion to merge into it. A form is gathered
    under the dictionary form most of its mentions were given, a reduced one before the form itself."""
    text = "Отряд Сухэ-Батора вошёл в Ургу.\n\nПортрет Сухэ-Батора висел в зале.\n"
    from reader.core.entities.consolidate import DocumentInput, consolidate
    from reader.core.entities.decisions import Decisions
    from reader.core.entities.gazetteer import is_known_place
    from reader.core.entities.model import Candidate

    first, second = text.index("Сухэ-Батора"), text.rindex("Сухэ-Батора")
    found = [Candidate(first, first + 11, "Сухэ-Батора", {"PERSON": 1.0}, base="Сухэ-Батора"),
             Candidate(second, second + 11, "Сухэ-Батора", {"PERSON": 1.0}, base="Сухэ-Батор")]
    result = consolidate([DocumentInput(1, text, [], found, [])], Decisions(), is_known_place)
    assert [result.names[c.key] for c in result.clusters if c.places] == ["Сухэ-Батор"]
    assert not result.suggestions


def test_an_initial_t_is_no_title():
    """'Т. Д. Лысенко' became 'Д. Лысенко': 'т.' (comrade) was a title, and an initial Т. is written alike."""
    from reader.core.entities.names import trim_surface

    assert trim_surface("Т. Д. Лысенко", 0)[0] == "Т. Д. Лысенко"


def test_an_english_text_with_a_russian_line_is_read_by_the_english_model_whole(shared_model):
    """One Cyrillic line cut an English text in two for the English model, and Choibalsan, read without the sentences
    across the line, changed type. The English model reads the whole text, as before; the Russian line is read by
    the Russian model too."""
    text = ("Choibalsan met the Soviet envoy in Urga in 1936. Later Choibalsan purged the lamas.\n"
            "Правда писала о Чойбалсане.\n"
            "Marshal Choibalsan ruled Mongolia until 1952, and Choibalsan died in Moscow.\n")
    alone = [(c.start, c.end, c.votes) for c in shared_model._english([text])[0] if not mostly_cyrillic(c.text)]
    found = next(shared_model.candidates([text]))
    assert [(c.start, c.end, c.votes) for c in found if not c.base] == alone
    assert "Чойбалсане" in [c.text for c in found if c.base]


def test_short_bulgarian_is_not_russian_and_russian_with_doubled_vowels_is():
    """A short Bulgarian text ('Коминтернът избра Димитров' one person) was read as Russian: Bulgarian writes ъ before
    a consonant, which Russian never does. Doubled vowels tell nothing: Russian writes 'сообщение', 'вооружение'."""
    from reader.core.entities.scripts import RUSSIAN, stretches

    def is_russian(text: str) -> bool:
        return all(stretch.reader == RUSSIAN for stretch in stretches([text])[0])

    assert not is_russian("Коминтернът избра Димитров за генерален секретар. Васил Коларов беше в България.")
    assert is_russian("ТАСС сообщает: Литвинов прибыл в Женеву.\n"
                      "Соответствующее сообщение о вооружении Японии опубликовано.\n")
    assert is_russian("Вчера тов. Сталин принял в Кремле тов. Гендена. Объявлено о встрече в Улаанбаатаре.")
    assert is_russian("Государь Императоръ изволилъ принять въ Царскомъ Селѣ министра.")


def test_a_mongolian_line_hides_no_russian_quotation(shared_model):
    """Told for a whole text at once, a Mongolian line at its end made the Russian quotation at its top no Russian:
    each Cyrillic stretch that shows its language is read in it, and only one too short to show takes the text's."""
    text = ("The Pravda report ran as follows.\n"
            "«Вчера тов. Сталин принял в Кремле тов. Гендена. Беседа продолжалась более двух часов и прошла в "
            "атмосфере дружбы. Присутствовали тт. Молотов и Ворошилов.»\n"
            "The Mongolian paper Unen wrote on the same day:\n"
            "Үнэн сонинд Гэндэн Москвад очсон тухай мэдээ гарсан бөгөөд Сталинтай уулзсан гэж бичжээ.\n")
    found = [c.text for c in next(shared_model.candidates([text]))]
    assert "Молотов" in found and not any("Москвад" in name for name in found)


def test_a_long_texts_last_piece_is_read_in_the_language_of_the_whole(shared_model):
    """A long Bulgarian text's last piece, a line without the ъ Bulgarian writes before consonants, was read as
    Russian on its own."""
    paragraph = ("Георги Димитров беше избран за генерален секретар на Коминтерна. Делегатите от България, Франция и "
                 "Германия говориха дълго за положението в Европа и за опасността от фашизма.\n\n")
    last = "Васил Коларов замина за Москва с Георги Димитров.\n"
    assert next(shared_model.candidates([last]))  # alone, it may be Russian
    assert list(shared_model.candidates([paragraph * 28, last])) == [[], []]


def test_one_name_in_two_scripts_decided_one_kind_is_one_entity():
    """'Shumyatsky' (one stray vote for an organisation) and 'Шумяцкий' were only suggested as one, both shown as
    people: the same name in two scripts merges once their kinds are decided alike, and stays apart when not."""
    from reader.core.entities.variants import join_scripts

    clusters = {key: Cluster(key, Counter({name: 1})) for key, name in [
        ("shumyatsky", "Shumyatsky"), ("шумяцкий", "Шумяцкий"), ("orel", "Orel"), ("орёл", "Орёл")]}
    types = {"shumyatsky": "PERSON", "шумяцкий": "PERSON", "orel": "PLACE", "орёл": "PERSON"}
    suggestions = [("shumyatsky", "шумяцкий", 1.0), ("orel", "орёл", 1.0)]
    assert join_scripts(clusters, types, suggestions) == [("шумяцкий", "shumyatsky")]
    assert set(clusters) == set(types) == {"shumyatsky", "orel", "орёл"}


def test_a_womans_name_and_a_mans_genitive_written_alike_stay_apart():
    """'В квартире Аллилуева' (the man's genitive) and 'Аллилуева застрелилась' (the woman) are written alike:
    gathering a form under one dictionary form gave her mention to him. Only a form left unreduced, no nominative
    of anything ('Сухэ-Батора'), is gathered under another's."""
    text = ("Сергей Аллилуев был старым большевиком. В квартире Аллилуева скрывался Ленин.\n"
            "Надежда Аллилуева была женой Сталина. Аллилуева застрелилась в 1932 году.\n")
    man, woman = text.index("Аллилуева"), text.rindex("Аллилуева")
    register = _consolidated_at(text, [(man, "Аллилуева", "Аллилуев"), (woman, "Аллилуева", "Аллилуева")])
    assert register["Аллилуева"] == [woman] and man in register["Аллилуев"]


def _consolidated_at(text: str, found: list[tuple[int, str, str]], decisions=None,
                     english: list[tuple[int, str]] = ()) -> dict[str, list[int]]:
    """The register of one text whose model found people at (start, written, dictionary form), and English names at
    (start, written); {name: starts}."""
    from reader.core.entities.consolidate import DocumentInput, consolidate
    from reader.core.entities.decisions import Decisions
    from reader.core.entities.gazetteer import is_known_place
    from reader.core.entities.model import Candidate

    candidates = [Candidate(start, start + len(written), written, {"PERSON": 1.0}, base=base)
                  for start, written, base in found]  # of one kind: what is tested is how they are gathered
    candidates += [Candidate(start, start + len(written), written, {"PERSON": 1.0}) for start, written in english]
    result = consolidate([DocumentInput(1, text, [], candidates, [])], decisions or Decisions(), is_known_place)
    return {result.names[c.key]: sorted({place[1] for place in c.places}) for c in result.clusters}


def test_a_name_written_with_or_without_yo_is_one():
    """'Орёл' and 'Орлом' (reduced to 'Орел': the text wrote no ё there) were two entities: Russian print writes ё at
    will, and Russian names are gathered without it."""
    text = "Город Орёл был взят. Под Орлом шли бои.\n"
    register = _consolidated_at(text, [(text.index("Орёл"), "Орёл", "Орёл"), (text.index("Орлом"), "Орлом", "Орел")])
    assert list(register.values()) == [[text.index("Орёл"), text.index("Орлом")]]


def test_a_name_split_off_is_not_joined_across_scripts_again():
    """After 'Шумяцкий' was split off 'Shumyatsky', the next run joined them again: the join across scripts keeps to
    the user's splits and to pairs kept apart."""
    from reader.core.entities.variants import join_scripts

    def clusters():
        return {key: Cluster(key, Counter({name: 1})) for key, name in [("shumyatsky", "Shumyatsky"),
                                                                        ("шумяцкий", "Шумяцкий")]}

    types = {"shumyatsky": "PERSON", "шумяцкий": "PERSON"}
    suggested = [("shumyatsky", "шумяцкий", 1.0)]
    assert join_scripts(clusters(), dict(types), suggested, split={"шумяцкий"}) == []
    assert join_scripts(clusters(), dict(types), suggested, kept_apart={frozenset(("shumyatsky", "шумяцкий"))}) == []
    assert join_scripts(clusters(), dict(types), suggested) == [("шумяцкий", "shumyatsky")]


def test_an_entity_joined_across_scripts_keeps_its_identity_when_another_spelling_grows_commoner():
    """A library's 'Сталин' became a new entity 'Stalin' once an English note named him more often: its rename, type,
    rejection and Wikidata id, all held by the old entity, were gone. An entity the register already holds keeps
    its identity when recognition joins another spelling to it."""
    from reader.core.entities.consolidate import DocumentInput, consolidate
    from reader.core.entities.decisions import Decisions
    from reader.core.entities.gazetteer import is_known_place
    from reader.core.entities.model import Candidate

    russian, english = "Вчера тов. Сталин принял Гендена.\n", "Stalin spoke. Stalin left. Stalin returned.\n"
    documents = [DocumentInput(1, russian, [], [Candidate(10, 16, "Сталин", {"PERSON": 1.0}, base="Сталин")], []),
                 DocumentInput(2, english, [], [Candidate(at, at + 6, "Stalin", {"PERSON": 1.0})
                                                for at in (0, 14, 26)], [])]
    result = consolidate(documents, Decisions(), is_known_place, known={"сталин"})
    [stalin] = [c for c in result.clusters if c.key in ("сталин", "stalin")]
    assert stalin.key == "сталин" and {place[0] for place in stalin.places} == {1, 2}


def test_a_rename_holds_when_an_english_source_names_the_man_more_often(empty_workspace, tmp_path, shared_model):
    """The window's rename of 'Сталин' was lost once an English note naming him three times was imported."""
    recognised(empty_workspace, tmp_path, shared_model, {"pravda.txt": PRAVDA})
    stalin = entity(empty_workspace, "И. В. Сталин")
    empty_workspace.entities.rename(stalin.id, "Иосиф Виссарионович Сталин")
    (tmp_path / "note.txt").write_text("Stalin spoke first. Then Stalin listened, and Stalin signed.\n",
                                       encoding="utf-8")
    empty_workspace.documents.import_paths([tmp_path / "note.txt"])
    empty_workspace.entities.recognise()
    joined = entity(empty_workspace, "Stalin")
    assert joined.id == stalin.id and joined.name == "Иосиф Виссарионович Сталин" and joined.document_count == 2


def test_a_russian_name_split_off_is_named_by_its_dictionary_form():
    """Split off 'Shumyatsky', 'Шумяцкого' made an entity named 'Шумяцкого': it is named as the dictionary names it."""
    from reader.core.entities.decisions import Decisions

    text = "Письмо Шумяцкого пришло. Shumyatsky came.\n"
    decisions = Decisions()
    decisions.split_aliases.add("шумяцкого")
    register = _consolidated_at(text, [(7, "Шумяцкого", "Шумяцкий")], decisions, [(text.index("Shumyatsky"),
                                                                                  "Shumyatsky")])
    assert register == {"Шумяцкий": [7], "Shumyatsky": [text.index("Shumyatsky")]}


def test_a_typo_known_first_holds_no_entitys_identity():
    """An entity's identity went with the spelling the register knew first, even a typo ('Choibalshan'), and its
    rename, type and Wikidata id were lost when the typo's document went. Within a script the commoner spelling
    keeps its key."""
    from reader.core.entities.consolidate import DocumentInput, consolidate
    from reader.core.entities.decisions import Decisions
    from reader.core.entities.gazetteer import is_known_place
    from reader.core.entities.model import Candidate

    typo, right = "Choibalshan spoke.\n", "Choibalsan came. Choibalsan left. Choibalsan won.\n"
    documents = [DocumentInput(1, typo, [], [Candidate(0, 11, "Choibalshan", {"PERSON": 1.0})], []),
                 DocumentInput(2, right, [], [Candidate(at, at + 10, "Choibalsan", {"PERSON": 1.0})
                                               for at in (0, 17, 34)], [])]
    result = consolidate(documents, Decisions(), is_known_place, known={"choibalshan"})
    assert [c.key for c in result.clusters if not c.key.startswith("date:")] == ["choibalsan"]


def test_a_russian_name_marked_by_hand_in_a_case_joins_its_entity():
    """'Шумяцкому', marked as a person by hand, became an entity 'Шумяцкому' of its own beside Шумяцкий: a name
    marked in one of a known name's cases is that name's."""
    from reader.core.entities.decisions import Decisions

    text = "Полпред Шумяцкий прибыл в Москву. Письмо отправили Шумяцкому.\n"
    found = [(text.index("Шумяцкий"), "Шумяцкий", "Шумяцкий")]
    decisions = Decisions()
    at = text.index("Шумяцкому")
    decisions.added_mentions.append((1, at, at + len("Шумяцкому"), "PERSON"))
    assert _consolidated_at(text, found, decisions) == {"Шумяцкий": [0, at]}  # 'Полпред' (envoy) a title, as
    # 'Mr.' is: the mention covers it, the name does not


def test_an_entity_filter_takes_a_russian_name_in_any_case(two_languages):
    """'entity:Сталина' and the timeline's entity 'Сталина' found nothing: only spellings seen were matched. A
    Russian name written in a case is the entity its dictionary form names."""
    by_nominative = two_languages.search.search("entity:Сталин").counts
    assert by_nominative and two_languages.search.search("entity:Сталина").counts == by_nominative
    assert two_languages.timeline.entries(entity="Сталина") == two_languages.timeline.entries(entity="Stalin") != []


def test_a_russian_entitys_own_cases_are_not_offered_to_split_off(empty_workspace, tmp_path, shared_model):
    """'Split off' offered 'Гендена' and 'Генденом' of the entity Генден: its own name's cases, split off one by one
    into a second 'Генден'. A name's cases are its name; another spelling joined to it still may leave."""
    recognised(empty_workspace, tmp_path, shared_model, {"ru1.txt": (
        "Вчера в Кремле товарищ Сталин принял премьер-министра Монголии Гендена. Сталин говорил о Японии. Генден "
        "ответил, что Монголия будет защищать свою независимость. Беседа Сталина с Генденом длилась два часа.\n")})
    genden = entity(empty_workspace, "Генден")
    assert {"Гендена", "Генденом"} <= set(genden.aliases) | {genden.name}
    assert empty_workspace.entities.separable_names(genden.id) == []


def test_the_other_scripts_spelling_is_offered_to_split_off_whatever_the_entity_is_called(empty_workspace, tmp_path,
                                                                                           shared_model):
    """'Stalin', joined to the Russian entity Сталин and shown as its name (the commoner spelling), was offered to
    split off only once the entity was renamed: the name shown is one of its names like the others."""
    recognised(empty_workspace, tmp_path, shared_model, {
        "ru1.txt": "Вчера в Кремле товарищ Сталин принял премьер-министра Монголии Гендена. Сталин говорил о "
                   "Японии.\n"})
    recognised(empty_workspace, tmp_path, shared_model, {  # the Russian entity known first keeps its key
        "en1.txt": "Stalin met the Mongolian premier in Moscow in November 1934. Stalin warned him about Japan. Stalin "
                   "then spoke with Molotov. Later Stalin wrote to Voroshilov, and Stalin ordered the purge.\n"})
    stalin = entity(empty_workspace, "Stalin")
    offered = empty_workspace.entities.separable_names(stalin.id)
    assert ("Stalin",) in offered
    empty_workspace.entities.rename(stalin.id, "Иосиф Сталин")
    assert empty_workspace.entities.separable_names(stalin.id) == offered
    empty_workspace.entities.rename(stalin.id, "Stalin")  # the user's name for it is not another name to split off:
    assert ("Stalin",) not in empty_workspace.entities.separable_names(stalin.id)  # it made two entities 'Stalin'
