"""A long table's entities (countries, regions, oblasts) as catalog subjects, a claimant column's names as
catalog claimants, and the catalog entries a table needs.

An entity is the subject the mapping's `entity.subjects` gives it, or else the subject whose key, name or
alias it is, exactly as written (a claimant column's names likewise: `claimant.claimants`, then the catalog's
claimants): nothing is folded or guessed, so "Georgia" the country and "Georgia" the
state are never merged by accident. A spelling that two subjects share (one's name, another's alias) is
ambiguous and refused until the mapping says which. An entity that matches nothing stops the import at its
first row, once however many rows it has, with a "did you mean" among the catalog's spellings.

`suggest` writes the catalog entries a table needs and the catalog lacks (subjects and claimants under the
table's own names, metrics the mapping names), for the curator to review and paste: nothing is added by itself.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass

from factcheck.model.format import Catalog

# Unknown entities that get a "did you mean": an import lists its first problems only, and each search
# compares the name with every spelling of the catalog.
MAX_GUESSES = 20
# Names longer than this get no "did you mean": no subject is called by a paragraph.
MAX_GUESS_LENGTH = 200


@dataclass
class Unknown:
    """A name the table uses that nothing maps: where it first appears and how often."""

    name: str
    first: object  # the importer's Row
    rows: int = 1


@dataclass(frozen=True)
class _Words:
    """How problems name a kind of table name: the entity column's (subjects) or the claimant column's."""

    what: str  # "entity": "unknown entity 'Frnace'"
    owner: str  # "subject": "that subject's aliases"
    section: str  # the catalog's section: "subjects"
    mapped: str  # where the mapping maps a name: "entity.subjects"
    ignore: str  # where it leaves one out: "entity.ignore"


WORDS = {
    "subject": _Words("entity", "subject", "subjects", "entity.subjects", "entity.ignore"),
    "claimant": _Words("claimant", "claimant", "claimants", "claimant.claimants", "claimant.ignore"),
}


class Names:
    """A table's names -> catalog keys: an entity column's subjects, or (`kind="claimant"`) a claimant
    column's claimants."""

    def __init__(self, mapped: dict[str, str], ignored: dict[str, str], catalog: Catalog, kind: str = "subject"):
        self.ignored = ignored
        self.words = WORDS[kind]
        self.names: dict[str, str] = {}
        self.ambiguous: dict[str, list[str]] = {}
        entries = catalog.subjects if kind == "subject" else catalog.claimants
        for key, entry in entries.items():
            for spelling in dict.fromkeys((key, entry.name, *entry.aliases)):
                owner = self.names.setdefault(spelling, key)
                if owner != key:
                    self.ambiguous.setdefault(spelling, [owner]).append(key)
        for spelling in self.ambiguous:
            del self.names[spelling]
        for name, key in mapped.items():  # the mapping decides, also where the catalog is ambiguous
            self.names[name] = key
            self.ambiguous.pop(name, None)
        self.spellings = sorted(self.names)
        self.guesses = 0

    def key(self, name: str) -> str | None:
        return self.names.get(name)

    def guess(self, name: str) -> str | None:
        """The catalog's (or the mapping's) spelling closest to `name`, for the first MAX_GUESSES names."""
        if self.guesses >= MAX_GUESSES or len(name) > MAX_GUESS_LENGTH:
            return None
        self.guesses += 1
        close = difflib.get_close_matches(name, self.spellings, n=1, cutoff=0.6)
        return close[0] if close else None

    def problem(self, unknown: Unknown, column: str) -> tuple[str, str]:
        """The message and hint for a name that maps to no key."""
        name, words = unknown.name, self.words
        rows = f" (on {unknown.rows:,} rows)" if unknown.rows > 1 else ""
        if name in self.ambiguous:
            keys = self.ambiguous[name]
            return (
                f"the {words.what} {name!r} is a name of both `{keys[0]}` and `{keys[1]}` in the catalog{rows}",
                f"say which under `{words.mapped}` in the mapping: {name!r}: {keys[0]}",
            )
        message = f"unknown {words.what} {name!r} in column {column!r}{rows}"
        guess = self.guess(name)
        if guess is not None:
            return message, (
                f"did you mean {guess!r} (`{self.names[guess]}`)? Map the table's name under `{words.mapped}`, "
                f"or add it to that {words.owner}'s aliases in the catalog"
            )
        return message, (
            f"add it to the catalog's {words.section} (`factcheck import --suggest-catalog` prints the entries), "
            f"map it under `{words.mapped}`, or leave it out under `{words.ignore}` with the reason"
        )


def variable_problem(unknown: Unknown, column: str, mapped: list[str]) -> tuple[str, str]:
    """The message and hint for a value of the variable column that the mapping neither maps nor ignores."""
    rows = f" (on {unknown.rows:,} rows)" if unknown.rows > 1 else ""
    message = f"the variable {unknown.name!r} in column {column!r} is neither mapped nor ignored{rows}"
    close = difflib.get_close_matches(unknown.name, mapped, n=1) if len(unknown.name) <= MAX_GUESS_LENGTH else []
    guess = f"did you mean {close[0]!r}? " if close else ""
    return message, f"{guess}map it under `variable.metrics` or list it under `variable.ignore` with the reason"


# --- suggestions ---------------------------------------------------------------------------------------


def slug(name: str) -> str:
    """A catalog key for a table's name: `Côte d'Ivoire` -> `cote-d-ivoire` (empty when nothing is left)."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = "".join(c if c.isalnum() else " " for c in ascii_text.lower()).split()
    return "-".join(words)[:100].strip("-")


def key_base(name: str, kind: str, joiner: str = "-") -> str:
    """The catalog key suggested for a table's name: its slug (`joiner` between words), named after `kind`
    when the slug alone is nothing a YAML reader takes for text: empty, a number or a date as YAML 1.1 or
    1.2 reads one (`2025`, `1e3`), or a boolean or null word (`no`, `on`, `null`). Keyed `subject-no`, it
    round-trips through the catalog and every claim that names it."""
    base = slug(name).replace("-", joiner)
    if not base:
        return kind
    if not base[0].isalpha() or base in _WORDS:
        return f"{kind}{joiner}{base}"
    return base


_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,()/&-")
# Words YAML 1.1 reads as booleans or null: a subject called "No" must stay text.
_WORDS = frozenset({"y", "n", "yes", "no", "true", "false", "on", "off", "null"})


def scalar(text: str) -> str:
    """`text` as a YAML scalar that reads back as `text` and is safe to print: plain when it is letters,
    digits and a few marks; single-quoted when it is printable otherwise; else double-quoted, with every
    character outside printable ASCII (and `#`, which the Actions log reads in `##[`) written as an escape."""
    first = text[:1]
    plain = first.isascii() and first.isalpha() and text[-1:] != " " and text.lower() not in _WORDS
    if plain and all(char in _PLAIN for char in text):
        return text
    if text.isprintable() and "#" not in text:
        return "'" + text.replace("'", "''") + "'"
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F and char != "#":
            out.append(char)
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def suggest(
    table_name: str,
    entities: list[str],
    metrics: list[tuple[str, str]],
    variables: list[tuple[str, str]],
    catalog: Catalog,
    claimant_names: list[str] = (),
) -> str:
    """The catalog entries for `entities` (table names no subject has), `claimant_names` (a claimant
    column's names no claimant has), `metrics` ((key, the table's name) pairs the mapping names and the
    catalog lacks) and `variables` (the table's variable names the mapping does not map, with the metric key
    suggested for each), as YAML text with comments."""
    subjects = _new_entries(entities, catalog, "subject")
    claimants = _new_entries(claimant_names, catalog, "claimant")
    lines = [f"# Catalog entries {table_name} needs and datasets/catalog.yml lacks, under the table's own names."]
    if not (subjects or claimants or metrics or variables):
        return lines[0].replace("needs and", "needs:") + " none: the catalog has every one.\n"
    lines.append("# Review each one (a unit is left blank on purpose), then paste it into datasets/catalog.yml.")
    if metrics or variables:
        lines.append("metrics:")
        for key, name in [*metrics, *variables]:
            lines += [f"  {key}:", "    unit: ''                 # people, items, percent, ...",
                      f"    description: {scalar(name)}"]  # fmt: skip
    for section, entries in (("subjects", subjects), ("claimants", claimants)):
        if entries:
            lines.append(f"{section}:")
            for key, name, comment in entries:
                lines += [f"  {key}:{comment}", f"    name: {scalar(name)}"]
    if variables:
        lines.append("# And in the mapping, under `variable.metrics` (or `variable.ignore`, with the reason):")
        lines += [f"#   {scalar(name)}: {{metric: {key}}}" for key, name in variables]
    return "\n".join(lines) + "\n"


def _new_entries(names: list[str], catalog: Catalog, kind: str) -> list[tuple[str, str, str]]:
    """(key, name, comment) for each name: a key no entry of the catalog's section has, and a comment
    naming the closest existing entry, which the name may be an alias of."""
    known = Names({}, {}, catalog, kind)
    taken = set(catalog.subjects if kind == "subject" else catalog.claimants)
    entries = []
    for name in names:
        base = key_base(name, kind)
        key, n = base, 1
        while key in taken:
            n += 1
            key = f"{base}-{n}"
        taken.add(key)
        close = known.guess(name)
        entries.append((key, name, f"  # or an alias of `{known.names[close]}` ({scalar(close)})?" if close else ""))
    return entries
