"""Indonesian language data shared by the segmenter's neighbours, the checks and glossary mining: one copy each.

- :data:`FUNCTION_WORDS` — frequent Indonesian function words that are not English words (a text full of
  them is Indonesian; an "English" output holding them left Indonesian untranslated);
- :data:`MONTHS` — month names (lower case) → month number, with the old spellings still seen in the media;
- :data:`MONTH_ABBREVIATIONS` and :data:`WEEKDAYS` — capitalised calendar words that are not names.
"""

from __future__ import annotations

FUNCTION_WORDS = frozenset(
    """
yang dan di ke dari dengan untuk ini itu dalam pada tidak akan juga oleh adalah karena atau sudah telah bahwa
mereka kami kita saya ada bisa lebih para seperti tersebut namun tetapi hanya setelah masih saat ia dia sebagai
bagi hingga antara kepada secara harus dapat belum sangat banyak tahun kata menurut sejak serta agar jika kalau
sedang lalu kemudian bahkan tak pun yaitu ujar tentang terhadap sebuah seorang beberapa semua sementara
sebelum selama maka lagi ialah merupakan sedangkan walaupun meskipun
""".split()
)

MONTH_NAMES = (
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
)
MONTHS = {name: number for number, name in enumerate(MONTH_NAMES, 1)} | {"pebruari": 2, "nopember": 11}
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Agu", "Agt", "Sep", "Okt", "Nov", "Des")
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
