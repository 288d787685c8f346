"""Corpus-level consolidation: candidates from every document become one register of entities.

Mentions that name the same thing (same name once titles, possessives and initials are set aside; a surname and the
full name it ends; a typo of a frequent name) become one entity. Its type is voted over all its mentions in all
documents, then the user's decisions are applied. Once a name is known, every occurrence of it in every document
is a mention, including those the model missed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from reader.core.entities.aliases import AliasFinder
from reader.core.entities.cases import case_forms
from reader.core.entities.cluster import DATE_KEY, Cluster
from reader.core.entities.common import (
    drop_common_phrases,
    drop_common_words,
    drop_lexical_words,
    keep_out_common_noun_bodies,
)
from reader.core.entities.confidence import MentionScores, repeated_words
from reader.core.entities.dates import find_dates
from reader.core.entities.decisions import NEW_ENTITY, Decisions
from reader.core.entities.joined import split_joined_names
from reader.core.entities.lexicon import EMPTY, Lexicon
from reader.core.entities.model import Candidate
from reader.core.entities.names import (
    canonical_name,
    is_calendar_word,
    is_function_word,
    is_title,
    name_key,
    token_count,
    trim_surface,
)
from reader.core.entities.spelling import Spelling
from reader.core.entities.titled import with_titles
from reader.core.entities.variants import KeptApart, find_variants, join_scripts, keep_known_keys, same_places
from reader.core.entities.voting import decide_types
from reader.core.morphology import may_be_nominative, reads_as_a_name
from reader.core.ranges import merge, overlaps, overlaps_merged
from reader.core.records.dates import DateMention
from reader.core.records.entities import TYPES

MIN_NAME_LENGTH = 2
_WORD = re.compile(r"[^\W\d_]+")


@dataclass
class DocumentInput:
    """One document as consolidation sees it."""

    document_id: int
    text: str
    boilerplate: list[tuple[int, int]]
    candidates: list[Candidate]
    dates: list[DateMention]


@dataclass
class Consolidated:
    """The register as decided: clusters with their canonical name and type, and merge suggestions."""

    clusters: list[Cluster]
    names: dict[str, str]  # cluster key -> canonical name
    types: dict[str, str]  # cluster key -> type
    suggestions: list[tuple[str, str, float]]
    merged_variants: list[tuple[str, str]]
    confidence: dict[tuple[int, int, int], float] = field(default_factory=dict)  # (document, start, end) -> 0-1


def consolidate(documents: list[DocumentInput], decisions: Decisions, is_place, lexicon: Lexicon = EMPTY,
                is_minor_place=None, located=None, known: set[str] = frozenset()) -> Consolidated:
    """The register of `documents` as `decisions` shape it. `is_place` and `is_minor_place` tell places' names,
    `located` a name's GeoNames place (places one links are suggested as one); the gazetteers are handed in so tests
    may give their own. `known`: the keys of the entities the register holds, whose identity (decisions, authority
    ids) a merge keeps."""
    common_words = _lowercase_words(documents)
    words = _corpus_words(documents)
    spelling = Spelling(lexicon, words)
    clusters = _cluster_candidates(documents, decisions, spelling)
    drop_common_words(clusters, common_words, decisions)
    drop_lexical_words(clusters, common_words, lexicon, decisions)
    drop_common_phrases(clusters, common_words, lexicon, decisions)
    split_joined_names(clusters)
    _attach_surnames(clusters)
    merged, suggestions = find_variants(clusters, decisions.not_merged,
                                        lambda name: is_place(name) or bool(is_minor_place and is_minor_place(name)))
    suggestions = keep_known_keys(clusters, merged, suggestions, known)
    _split_off(clusters, decisions.split_aliases)
    _apply_merges(clusters, decisions.merges)
    rejected = [clusters.pop(key) for key in [k for k in clusters if k in decisions.rejected_entities]]
    types = decide_types(clusters, decisions.types, lambda name: is_place(name) or is_place(spelling.name(name)),
                         common_words, is_minor_place)
    keep_out_common_noun_bodies(clusters, types, lexicon, decisions)
    joined = join_scripts(clusters, types, suggestions, decisions.split_aliases, decisions.not_merged)
    suggestions = keep_known_keys(clusters, joined, suggestions, known, types)
    merged += joined
    if located is not None:
        paired = {frozenset(pair[:2]) for pair in suggestions}
        suggestions += [pair for pair in same_places(clusters, types, decisions.not_merged, located)
                        if frozenset(pair[:2]) not in paired]
    kept_out = [key for key, kind in types.items() if kind not in TYPES]  # nationalities, laws, products
    for key in kept_out:
        del types[key]
    _add_user_mentions(documents, clusters, types, decisions)  # a name marked by hand is known: found everywhere
    _propagate_aliases(documents, clusters, decisions, [*rejected, *(clusters.pop(key) for key in kept_out)],
                       _long_s_forms(words, spelling))  # no "East" inside a "Far East" the user rejected
    date_clusters = _date_clusters(documents, decisions)
    names = {key: decisions.renames.get(key) or canonical_name(cluster.shown_names)
             for key, cluster in clusters.items()}
    for key, cluster in date_clusters.items():
        names[key], types[key] = decisions.renames.get(key) or cluster.date_value, "DATE"
    everything = [*clusters.values(), *date_clusters.values()]
    texts = {d.document_id: d.text for d in documents}
    for cluster in everything:
        cluster.places = _final_places(cluster, types.get(cluster.key), texts, decisions.rejected_mentions,
                                       {added[:3] for added in decisions.added_mentions})
    new = _move_user_mentions(clusters, types, decisions)
    for key, cluster in new.items():
        names[key] = decisions.renames.get(key) or canonical_name(cluster.shown_names)
    kept = [c for c in [*everything, *new.values()] if c.places]
    mentioned, apart = {c.key: c for c in kept}, KeptApart(decisions.not_merged)
    suggestions = [s for s in suggestions if s[0] in mentioned and s[1] in mentioned
                   and not apart(mentioned[s[0]], mentioned[s[1]])]  # not a pair merged since, nor one whose mentions
    # all went to another's name, nor one judged apart under a key one of them took since
    sure = MentionScores(lexicon, repeated_words(d.text for d in documents), decisions)
    return Consolidated(kept, names, types, suggestions, merged, {place[:3]: score for cluster in kept
                                                                 for place, score in sure.scores(cluster, types)})


def _long_s_forms(words: set[str], spelling: Spelling) -> dict[str, str]:
    """Each word of the corpus that is a long-s misreading -> the word it stands for ('Ruffia' -> 'Russia')."""
    return {word: meant for word in words if "f" in word and (meant := spelling.word(word)) != word}


def _final_places(cluster: Cluster, kind: str | None, texts: dict[int, str], rejected: set, drawn: set) -> list:
    """A person's places widened over their titles; those the user rejected (as shown, or as found) left out. A
    place the user drew (`drawn`: marked as a mention) stays as drawn: widened over the title the user left out,
    it would meet the rejection of that wider stretch and vanish."""
    widened = with_titles(texts, cluster.places) if kind == "PERSON" else cluster.places
    return [place if place[:3] in drawn else wide for wide, place in zip(widened, cluster.places, strict=True)
            if place[:3] not in rejected and (place[:3] in drawn or wide[:3] not in rejected)]


def _valid_name(name: str) -> bool:
    return len(name) >= MIN_NAME_LENGTH and name[:1].isupper() and not name.replace(" ", "").isdigit() \
        and any(ch.isalpha() for ch in name) and not is_title(name) and not is_calendar_word(name)


_SENTENCE_OPENS = re.compile(r"(?:^|[.!?;:\n—–])[\s\"“«‘'(\[]*$")  # what a sentence's first word follows


def _opens_sentence(text: str, start: int) -> bool:
    return _SENTENCE_OPENS.search(text, max(0, start - 8), start) is not None


def _lowercase_words(documents: list[DocumentInput]) -> set[str]:
    return {word for d in documents for word in _WORD.findall(d.text) if word.islower()}


def _corpus_words(documents: list[DocumentInput]) -> set[str]:
    return {word for d in documents for word in _WORD.findall(d.text)}


def _cluster_candidates(documents: list[DocumentInput], decisions: Decisions, spelling: Spelling,
                        ) -> dict[str, Cluster]:
    """The candidates gathered by name. An article or a pronoun alone ('La', 'Du') is a name only where some sentence
    capitalises it inside ('By 1930 Du controlled'): one opening a sentence is capitalised by its place ('La foule
    criait'), and a surname spelt so (Du Yuesheng's, Le Duan's) is used inside sentences too."""
    clusters: dict[str, Cluster] = {}
    held, inside = [], set()
    bases = _one_base_per_form(documents)
    for document in documents:
        date_ranges = [(d.start, d.end) for d in document.dates]
        boilerplate = merge(document.boilerplate)  # a paged book has hundreds of running heads
        for candidate in (replace(c, base=bases[c.text]) if c.text in bases else c for c in document.candidates):
            name, start, end = trim_surface(candidate.text, candidate.start)
            if not _valid_name(name) or overlaps_merged(boilerplate, start, end) \
                    or overlaps(date_ranges, start, end):
                continue
            if is_function_word(name):
                held.append((document.document_id, candidate, name, start, end))
                if not _opens_sentence(document.text, start):
                    inside.add(name.casefold())
                continue
            _gather(clusters, spelling, document.document_id, candidate, name, start, end)
    for document_id, candidate, name, start, end in held:
        if name.casefold() in inside:
            _gather(clusters, spelling, document_id, candidate, name, start, end)
    return clusters


def _one_base_per_form(documents: list[DocumentInput]) -> dict[str, str]:
    """Each written form the model's sentences left as written once and reduced another time, where it is no one's
    nominative -> the reduction most of its mentions were given: 'Сухэ-Батора' was once 'Сухэ-Батор', once left
    so, and made two entities. 'Аллилуева' is a woman's name and a man's genitive, and each mention keeps its own."""
    given: dict[str, Counter] = {}
    for candidate in (c for document in documents for c in document.candidates if c.base):
        given.setdefault(candidate.text, Counter())[candidate.base] += 1
    chosen = {}
    for text, counts in given.items():
        reduced = [base for base in counts if base != text]
        if text in counts and reduced and not may_be_nominative(text.split()[-1]):
            chosen[text] = max(reduced, key=counts.__getitem__)
    return chosen


def _gather(clusters: dict[str, Cluster], spelling: Spelling, document_id: int, candidate: Candidate, name: str,
            start: int, end: int) -> None:
    key = name_key(trim_surface(candidate.base, 0)[0]).replace("ё", "е") if candidate.base \
        else name_key(spelling.name(name))  # 'Houfe' is 'House'; 'Сталина' is 'Сталин', 'Орёл' and 'Орел' one
    cluster = clusters.setdefault(key, Cluster(key))
    cluster.names[name] += 1
    if candidate.base:
        cluster.bases[name] = trim_surface(candidate.base, 0)[0]
    cluster.votes.update(candidate.votes)
    cluster.definite += candidate.definite
    cluster.plural += candidate.plural
    cluster.partners.update(name_key(trim_surface(partner, 0)[0]) for partner in candidate.listed_with)
    if start != candidate.start and not candidate.text.lower().startswith("the "):
        cluster.votes["PERSON"] += 1.5  # a title stood before the name
    cluster.places.append((document_id, start, end, name))


def _attach_surnames(clusters: dict[str, Cluster]) -> None:
    """'Genden' joins 'Peljidiin Genden' when that is the only full name ending in it and both read as people."""
    full_names: dict[str, list[str]] = {}
    for key, cluster in clusters.items():
        if token_count(key) > 1 and _leans_person(cluster):
            full_names.setdefault(key.split(" ")[-1], []).append(key)
    for surname, owners in full_names.items():
        owners.sort(key=lambda k: -clusters[k].count)
        clear = len(owners) == 1 or clusters[owners[0]].count >= 2 * clusters[owners[1]].count
        if clear and surname in clusters and _leans_person(clusters[surname]):
            clusters[owners[0]].absorb(clusters.pop(surname))


def _leans_person(cluster: Cluster) -> bool:
    person = cluster.votes.get("PERSON", 0)
    return person > 0 and person >= max(cluster.votes.values()) * 0.5


def _split_off(clusters: dict[str, Cluster], split_aliases: set[str]) -> None:
    """Names the user split off the entity recognition joined them to (a typo taken for a famous name, a surname
    attached to the wrong full name) stand on their own, their mentions with them. Before the user's merges: one
    decided after the split joins them again."""
    for alias in sorted(split_aliases):
        owner = _owner(clusters, alias)
        if owner is None or owner == alias:
            continue
        cluster = clusters[owner]
        part = Cluster(alias, votes=Counter(cluster.votes))  # the votes were the entity's: the part is of its kind
        for name in [n for n in cluster.names if name_key(n) == alias]:
            part.names[name] = cluster.names.pop(name)
            if name in cluster.bases:  # named as the dictionary names it, not 'Шумяцкого'
                part.bases[name] = cluster.bases.pop(name)
        part.places = [place for place in cluster.places if name_key(place[3]) == alias]
        cluster.places = [place for place in cluster.places if name_key(place[3]) != alias]
        clusters[alias] = part
        if not cluster.names:
            del clusters[owner]


def _apply_merges(clusters: dict[str, Cluster], merges: list[tuple[str, str]]) -> None:
    for first, second in merges:
        keeper, other = _owner(clusters, first), _owner(clusters, second)
        if keeper and other and keeper != other:
            clusters[keeper].absorb(clusters.pop(other))


def _owner(clusters: dict[str, Cluster], name: str) -> str | None:
    key = name_key(name)
    if key in clusters:
        return key
    return next((k for k, c in clusters.items() if any(name_key(n) == key for n in c.names)), None)


def _alias_owners(clusters: dict[str, Cluster], decisions: Decisions) -> tuple[dict[str, str], set[str]]:
    """Each name worth looking for (longer than two characters, not rejected) -> the key of its cluster; and which of
    them are the cases of a Russian name, not written as found (see `cases`)."""
    owner = {}
    for key, cluster in clusters.items():
        for name in cluster.names:
            if _worth_looking_for(name, decisions):
                owner.setdefault(name, key)
    cases = {form: key for form, (key, _base) in case_forms(clusters, set(owner)).items()
             if _worth_looking_for(form, decisions)}
    return {**owner, **cases}, set(cases)


def _worth_looking_for(name: str, decisions: Decisions) -> bool:
    return len(name) > 2 and name_key(name) not in decisions.rejected_entities


def _propagate_aliases(documents: list[DocumentInput], clusters: dict[str, Cluster], decisions: Decisions,
                       kept_out: list[Cluster], long_s: dict[str, str] | None = None) -> None:
    """Every occurrence of a known name is a mention, wherever the model missed it, but not inside a name kept out
    of the register ('Article' inside the law 'Article Two', a nationality, a title of a work). A one-word name
    is found in its long-s misreading too ('Ruffia' for 'Russia')."""
    owner, cases = _alias_owners(clusters, decisions)
    for written, meant in (long_s or {}).items():  # 'Ruffia' wherever 'Russia' is known
        if meant in owner:
            owner.setdefault(written, owner[meant])
    finder = AliasFinder(owner)
    outside: dict[int, list[tuple[int, int]]] = {}
    for document_id, start, end, _ in (place for cluster in kept_out for place in cluster.places):
        outside.setdefault(document_id, []).append((start, end))
    for document in documents:
        skipped = merge([(d.start, d.end) for d in document.dates] + document.boilerplate
                        + outside.get(document.document_id, []))
        for start, end, name in finder.find(document.text):
            if not overlaps_merged(skipped, start, end) and (name not in cases or reads_as_a_name(name)
                                                             or not _opens_sentence(document.text, start)):
                clusters[owner[name]].places.append((document.document_id, start, end, name))


def _add_user_mentions(documents: list[DocumentInput], clusters: dict[str, Cluster], types: dict[str, str],
                       decisions: Decisions) -> None:
    """A name the user marked, in the entity written so or, in Russian, the one whose case it is ('Шумяцкому' marked
    had been an entity of its own beside Шумяцкий)."""
    texts = {d.document_id: d.text for d in documents}
    cases = case_forms(clusters, set()) if decisions.added_mentions else {}
    for document_id, start, end, kind in decisions.added_mentions:
        if document_id not in texts or kind == "DATE":
            continue
        name = texts[document_id][start:end]
        key = _owner(clusters, name) or cases.get(name, ("",))[0] or name_key(name)
        cluster = clusters.setdefault(key, Cluster(key))
        cluster.names[name] += 1
        if name in cases:
            cluster.bases[name] = cases[name][1]
        cluster.places.append((document_id, start, end, name))
        types.setdefault(key, kind)
        if key not in decisions.types and not cluster.votes:
            types[key] = kind


NEW_ENTITY_KEY = "new:"  # the key of an entity made for moved mentions: apart from every recognised one


def _move_user_mentions(clusters: dict[str, Cluster], types: dict[str, str], decisions: Decisions,
                        ) -> dict[str, Cluster]:
    """Each mention the user moved (its final range, a person's title included, as the user saw it) leaves its
    cluster for the one named (by its key or any of its names), or for a new cluster of that name with the type the
    mention had, returned; moved to an entity since rejected, or to a date (as a library could before such moves
    were refused: the date became a person, audit BW F4), it stays where it was."""
    new: dict[str, Cluster] = {}
    for key, cluster in list(clusters.items()) if decisions.moved_mentions else ():
        for place in [place for place in cluster.places if place[:3] in decisions.moved_mentions]:
            wanted = decisions.moved_mentions[place[:3]]
            if wanted.startswith(NEW_ENTITY):  # its own entity, whoever else has the name
                wanted = wanted[len(NEW_ENTITY):]
                target = NEW_ENTITY_KEY + name_key(wanted)
            else:
                target = _owner(clusters, wanted) or name_key(wanted)
            if target in decisions.rejected_entities or target == key or wanted.startswith(DATE_KEY):
                continue
            if target not in clusters:
                named = decisions.moved_names.get(wanted, wanted)  # not the key of an entity no text names now
                clusters[target] = new[target] = Cluster(target, Counter({named: 1}))
                types[target] = decisions.types.get(target) or types.get(key, "")
            cluster.places.remove(place)
            clusters[target].places.append(place)
    return new


def _date_clusters(documents: list[DocumentInput], decisions: Decisions) -> dict[str, Cluster]:
    """The dates found, and those the user marked (the date their words give, over the whole stretch marked)."""
    clusters: dict[str, Cluster] = {}
    for document in documents:
        boilerplate = merge(document.boilerplate)
        for date in [*document.dates, *_drawn_dates(document, decisions)]:
            if overlaps_merged(boilerplate, date.start, date.end):
                continue
            key = f"{DATE_KEY}{date.value}"
            cluster = clusters.setdefault(key, Cluster(key, date_value=date.value))
            cluster.names[date.text] += 1
            cluster.places.append((document.document_id, date.start, date.end, date.text))
    return {k: c for k, c in clusters.items() if k not in decisions.rejected_entities}


def _drawn_dates(document: DocumentInput, decisions: Decisions) -> list[DateMention]:
    drawn = []
    for document_id, start, end, kind in decisions.added_mentions:
        found = find_dates(document.text[start:end]) if kind == "DATE" and document_id == document.document_id \
            else []
        if found:
            drawn.append(replace(found[0], start=start, end=end, text=document.text[start:end]))
    return drawn
