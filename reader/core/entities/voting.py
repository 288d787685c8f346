"""A name's type, decided over all its mentions in all documents.

The model's labels and the context votes of every mention add up. Then the evidence no single mention has: a name in
the gazetteer is a place; a one-word name is more likely a person than an organisation, unless the word is an
ordinary word the corpus also writes in lower case ('Party') or mostly follows 'the' ('the Kremlin'); a plural
('the Mongols') names a people, no person; a name written mostly after 'the' is no person; and a name
listed with others ('Smith and Jones', 'Velmoria or Japan') leans to the type those others were given; a name ending
in the name of someone surely a person leans to a person; a town's or a county's name leans a little to a place. A
name ending in an organisation noun ('Congress', 'Industrial Combine') is no person: its person votes go to ORG; one
ending in a periodical's noun ('Nebraska State Journal') is a publication, kept out like works. An acronym opening
longer names ('XRP Central Committee') leans to their type.
"""

from __future__ import annotations

from collections import Counter

from reader.core.entities.names import canonical_name, name_key, token_count

SINGLE_WORD_ORG_WEIGHT = 0.3
SINGLE_WORD_PERSON_PRIOR = 0.7
GAZETTEER_MARGIN = 0.5  # a known place wins a tie against the model's single guess
MINOR_PLACE_VOTE = 1.0  # a town or county name: as much as one label of the model, so context still decides
LIST_WEIGHT = 1.0  # per mention listed with a name of a decided type
ACRONYM_ORG_VOTE = 0.5
SURNAME_OWNER_WEIGHT = 1.5  # per mention of a name ending in the name of a surely-typed person
SURNAME_OWNER_SHARE = 0.6
DEFINITE_ORG_VOTE = 0.25  # per mention after 'the'
PLURAL_OTHER_VOTE = 0.5  # per mention as a plural proper noun: a people, kept out of the register like nationalities
ORGANISATION_NOUNS = {  # a name ending in one of these is a body, never a person ('Congress', 'Industrial Combine')
    "congress", "council", "committee", "party", "ministry", "commissariat", "government", "assembly", "parliament",
    "senate", "army", "navy", "bank", "company", "corporation", "combine", "trust", "union", "league", "society",
    "association", "institute", "academy", "university", "school", "college",
    "agency", "bureau", "office", "department", "court", "tribunal", "church", "synod", "presidium", "soviet",
}


PUBLICATION_NOUNS = {  # a name ending in one of these is a periodical's title: a publication, kept out like works
    "journal", "gazette", "newspaper", "herald", "magazine", "chronicle", "tribune", "courier", "advertiser",
    "intelligencer", "review", "observer", "bulletin", "almanac",
}


def decide_types(clusters: dict, decided: dict[str, str], is_place, common_words: set[str],
                 is_minor_place=None) -> dict[str, str]:
    """Cluster key -> type: the user's decision, else the vote, with the types of names it is listed with."""
    is_place = _Places(is_place, is_minor_place)
    first = {key: _scores(cluster, is_place, common_words) for key, cluster in clusters.items()}
    leading = _leading_acronym_votes(clusters, first)
    owners = {name_key(name): key for key, cluster in clusters.items() for name in cluster.names}
    types = {}
    for key, cluster in clusters.items():
        listed = Counter(leading.get(key, {}))
        for partner, times in cluster.partners.items():
            other = owners.get(partner)
            if other is not None and other != key:
                kind, share = _winner(first[other])
                listed[kind] += times * LIST_WEIGHT * share
        listed["PERSON"] += _surname_of_a_person(key, cluster, first, owners)
        scores = _scores(cluster, is_place, common_words, listed) if +listed else first[key]
        types[key] = decided.get(key) or _winner(scores)[0]
        cluster.agreement = _share(scores, types[key])
    return types


def _share(scores: Counter, kind: str) -> float:
    """How much of the evidence went to the decided type (how sure the vote is; no evidence at all is unsure)."""
    total = sum(v for v in scores.values() if v > 0)
    return max(0.0, scores.get(kind, 0.0)) / total if total > 0 else 0.0


def _surname_of_a_person(key: str, cluster, first: dict[str, Counter], owners: dict[str, str]) -> float:
    """'Urlug Janjin Demid' when 'Demid' alone is surely a person: a name ending in a person's name is that person
    (or kin), whatever the words before it are (titles in another language, given names)."""
    last = key.rsplit(" ", 1)[-1]
    owner = owners.get(last)
    if last == key or owner is None or owner == key:
        return 0.0
    kind, share = _winner(first[owner])
    return SURNAME_OWNER_WEIGHT * cluster.count if kind == "PERSON" and share >= SURNAME_OWNER_SHARE else 0.0


def _leading_acronym_votes(clusters: dict, first: dict) -> dict[str, Counter]:
    """'XRP Central Committee' voted a body: the acronym opening it leans to that type, per mention of the longer
    name (an acronym alone is often mislabelled; the names it opens tell what it abbreviates). Any of an entity's
    names may open with it: merged into 'XP Central Committee', the name was no longer the entity's key, and the
    acronym, a body until then, was voted a place (audit DI 5)."""
    acronyms = {key for key, cluster in clusters.items() if " " not in key and _is_acronym(cluster)}
    leading: dict[str, Counter] = {}
    for key, cluster in clusters.items():
        openings = {words[0] for words in (name_key(name).split(" ") for name in (key, *cluster.names))
                    if len(words) > 1 and words[0] in acronyms and words[0] != key}
        if openings:
            kind, share = _winner(first[key])
            for opening in openings:
                leading.setdefault(opening, Counter())[kind] += cluster.count * LIST_WEIGHT * share
    return leading


def _winner(scores: Counter) -> tuple[str, float]:
    """The winning type and its share of all the votes (how sure the vote is)."""
    if not scores:
        return "PERSON", 0.0
    kind, top = scores.most_common(1)[0]
    total = sum(scores.values())
    return kind, top / total if total > 0 else 0.0


def _scores(cluster, is_place, common_words: set[str], listed: Counter | None = None) -> Counter:
    votes = Counter(cluster.votes)
    votes.update(listed or {})
    acronym = _is_acronym(cluster)
    votes["ORG"] += DEFINITE_ORG_VOTE * cluster.definite  # 'the Union', 'the Kremlin': a body more than a person
    plural = cluster.plural * 2 > cluster.count
    if cluster.definite * 2 > cluster.count and not plural:  # mostly 'the X': people are not written so; the
        votes["ORG"] += votes.pop("PERSON", 0)  # model's guess of a person is a body ('the Comintern')
    if plural:  # 'the Mongols', 'the Habsburgs': a people or a family
        votes["PERSON"] = 0
        votes["OTHER"] += PLURAL_OTHER_VOTE * cluster.plural
    if token_count(cluster.key) == 1 and not acronym and cluster.key not in common_words and not plural \
            and cluster.definite * 2 < cluster.count:
        votes["ORG"] *= SINGLE_WORD_ORG_WEIGHT  # organisations are rarely one unusual word; people often are
        votes["PERSON"] += SINGLE_WORD_PERSON_PRIOR
    _by_last_word(cluster.key.split(" ")[-1], votes)
    name = canonical_name(cluster.shown_names)  # a Russian place by its dictionary form ('Москва', not 'Москве')
    if is_place(name):
        votes["PLACE"] += max(1.0, sum(votes.values())) + GAZETTEER_MARGIN
    elif is_place.minor(name):
        votes["PLACE"] += MINOR_PLACE_VOTE
    if acronym:
        votes["ORG"] += ACRONYM_ORG_VOTE
    return votes


def _by_last_word(last: str, votes: Counter) -> None:
    """'Congress', 'Industrial Combine': a body, no person. 'Richmond Whig Observer', 'Nebraska State Journal': a
    periodical, which the model may call a body or a place, and whose title is a work (kept out of the register)."""
    if last in ORGANISATION_NOUNS:
        votes["ORG"] += votes.pop("PERSON", 0)
    elif last in PUBLICATION_NOUNS:
        votes["OTHER"] += sum(votes.values()) + 1.0


class _Places:
    """The gazetteer's two answers: a known place (a country, a large city) and a minor one (a town, a county)."""

    def __init__(self, is_known, is_minor=None):
        self._known = is_known
        self.minor = is_minor or (lambda name: False)

    def __call__(self, name: str) -> bool:
        return self._known(name)


def _is_acronym(cluster) -> bool:
    return any(name.isupper() and len(name) > 1 for name in cluster.names)
