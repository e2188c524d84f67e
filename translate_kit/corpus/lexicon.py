"""Common Indonesian words, from wordfreq's Indonesian frequency list (installed with the package, read
offline): what ``source-typo`` must never call a misspelling ("bahasa" is no typo of Bahama, "Pulau" none
of Palau).

A word is *common* when its Zipf frequency in that list is at least :data:`MIN_ZIPF` (3.0: once per million
words or more). Names that Indonesian text uses often (Angela, Marta) are in the list too, which is what the
typo check wants: they are spelt as written.
"""

from __future__ import annotations

from functools import lru_cache

#: Zipf frequency (log10 of occurrences per billion words) from which a word counts as common
MIN_ZIPF = 3.0


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Every word of wordfreq's Indonesian list at or above :data:`MIN_ZIPF`, lower-cased (read once)."""
    from wordfreq import get_frequency_dict

    floor = 10 ** (MIN_ZIPF - 9)
    return frozenset(w.lower() for w, f in get_frequency_dict("id").items() if f >= floor)


def common_words_if_read() -> frozenset[str] | None:
    """:func:`common_words` once something has read them, else None: for a caller that may skip work with
    them but should not pay the reading (0.4 s) for that alone."""
    return common_words() if common_words.cache_info().currsize else None


def is_common_word(text: str) -> bool:
    """Whether every word of ``text`` (split at spaces) is a common Indonesian word."""
    words = common_words()
    parts = text.lower().split()
    return bool(parts) and all(p in words for p in parts)
