"""A bilingual set of claims for bench/meaning.py: 60 Arabic-English and 20 Persian-English pairs,
each with a hard negative (the same actors, place, weapon and date, the opposite assertion).

Each claim is composed from phrases translated by hand, so that every pair says exactly one thing
in two languages and the negatives differ by the stance alone. The set is built to be hard the way
the corpus is: many claims share an actor or a place and differ by the date or the weapon only.
"""

from dataclasses import dataclass
from itertools import cycle, islice

# name in English; in Arabic with the forms its grammar needs (verb "announced", "denied", the
# pronoun suffix, "was", "was not", the name after إن); in Persian.
ACTORS = [
    ("Hezbollah", "حزب الله", "أعلن", "نفى", "ه", "كان", "لم يكن", "حزب الله", "حزب‌الله"),
    ("Kataib Hezbollah", "كتائب حزب الله", "أعلنت", "نفت", "ها", "كانت", "لم تكن", "كتائب حزب الله", "کتائب حزب‌الله"),
    ("the Islamic Resistance in Iraq", "المقاومة الإسلامية في العراق", "أعلنت", "نفت", "ها", "كانت", "لم تكن",
     "المقاومة الإسلامية في العراق", "مقاومت اسلامی عراق"),
    ("the Allies of Syria Operations Room", "غرفة عمليات حلفاء سوريا", "أعلنت", "نفت", "ها", "كانت", "لم تكن",
     "غرفة عمليات حلفاء سوريا", "اتاق عملیات متحدان سوریه"),
    ("the Islamic State group", "تنظيم الدولة الإسلامية", "أعلن", "نفى", "ه", "كان", "لم يكن",
     "تنظيم الدولة الإسلامية", "گروه داعش"),
    ("the Houthis", "الحوثيون", "أعلن", "نفى", "هم", "كانوا", "لم يكونوا", "الحوثيين", "حوثی‌ها"),
    ("Harakat al-Nujaba", "حركة النجباء", "أعلنت", "نفت", "ها", "كانت", "لم تكن", "حركة النجباء", "جنبش النجباء"),
    ("the Revolutionary Guards", "الحرس الثوري الإيراني", "أعلن", "نفى", "ه", "كان", "لم يكن",
     "الحرس الثوري الإيراني", "سپاه پاسداران"),
    ("Asaib Ahl al-Haq", "عصائب أهل الحق", "أعلنت", "نفت", "ها", "كانت", "لم تكن", "عصائب أهل الحق", "عصائب اهل حق"),
    ("Kataib Sayyid al-Shuhada", "كتائب سيد الشهداء", "أعلنت", "نفت", "ها", "كانت", "لم تكن", "كتائب سيد الشهداء",
     "کتائب سید الشهداء"),
]  # fmt: skip
TARGETS = [
    ("al-Tanf base", "قاعدة التنف", "پایگاه التنف"),
    ("Ain al-Asad air base", "قاعدة عين الأسد الجوية", "پایگاه هوایی عین الاسد"),
    ("Erbil airport", "مطار أربيل", "فرودگاه اربیل"),
    ("the US embassy in Baghdad", "السفارة الأمريكية في بغداد", "سفارت آمریکا در بغداد"),
    ("Tower 22 in Jordan", "البرج 22 في الأردن", "برج ۲۲ در اردن"),
    ("the Conoco gas field", "حقل كونيكو للغاز", "میدان گازی کونیکو"),
    ("Harir base", "قاعدة حرير", "پایگاه حریر"),
    ("Victory base near Baghdad airport", "قاعدة فكتوري قرب مطار بغداد", "پایگاه ویکتوری نزدیک فرودگاه بغداد"),
]
# English, Arabic ("the attack X on"), Persian ("attack X to")
WEAPONS = [
    ("drone", "بطائرة مسيرة", "پهپادی"),
    ("rocket", "الصاروخي", "موشکی"),
    ("mortar", "بقذائف الهاون", "خمپاره‌ای"),
]
DATES = [
    ("October 20, 2021", "20 أكتوبر 2021", "۲۰ اکتبر ۲۰۲۱"),
    ("January 28, 2024", "28 يناير 2024", "۲۸ ژانویه ۲۰۲۴"),
    ("August 15, 2023", "15 أغسطس 2023", "۱۵ اوت ۲۰۲۳"),
    ("March 3, 2022", "3 مارس 2022", "۳ مارس ۲۰۲۲"),
    ("November 9, 2023", "9 نوفمبر 2023", "۹ نوامبر ۲۰۲۳"),
]
# English; Arabic "said" agreeing with the source, and the source; Persian source and its "said".
SOURCES = [
    ("US officials said", "قال", "مسؤولون أمريكيون", "مقام‌های آمریکایی", "گفتند"),
    ("Israeli media reported", "ذكرت", "وسائل إعلام إسرائيلية", "رسانه‌های اسرائیلی", "گزارش دادند"),
    ("an Iraqi security source said", "قال", "مصدر أمني عراقي", "یک منبع امنیتی عراقی", "گفت"),
    ("the Pentagon said", "قال", "البنتاغون", "پنتاگون", "اعلام کرد"),
]


@dataclass(frozen=True)
class Pair:
    """One claim in English and in another language, and its hard negative in both."""

    language: str  # "ar" or "fa"
    english: str
    other: str
    negative_english: str
    negative_other: str


def _responsibility(actor: tuple, target: tuple, weapon: tuple, day: tuple, language: str) -> Pair:
    en, ar, claimed, denied, pronoun, _, _, _, fa = actor
    attack = f"the {weapon[0]} attack on {target[0]} on {day[0]}"
    name = en[0].upper() + en[1:]
    english = f"{name} claimed responsibility for {attack}."
    negative = f"{name} denied responsibility for {attack}."
    if language == "ar":
        tail = f"مسؤولية{pronoun} عن الهجوم {weapon[1]} على {target[1]} في {day[1]}."
        tail = tail.replace("مسؤوليةه", "مسؤوليته").replace("مسؤوليةها", "مسؤوليتها").replace("مسؤوليةهم", "مسؤوليتهم")
        return Pair("ar", english, f"{claimed} {ar} {tail}", negative, f"{denied} {ar} {tail}")
    tail = f"مسئولیت حمله {weapon[2]} به {target[2]} در {day[2]} را"
    return Pair("fa", english, f"{fa} {tail} بر عهده گرفت.", negative, f"{fa} {tail} تکذیب کرد.")


def _attribution(actor: tuple, target: tuple, weapon: tuple, day: tuple, source: tuple, language: str) -> Pair:
    en, _, _, _, _, was, was_not, after_inna, fa = actor
    said = source[0][0].upper() + source[0][1:]
    english = f"{said} {en} was behind the {weapon[0]} attack on {target[0]} on {day[0]}."
    negative = f"{said} {en} was not behind the {weapon[0]} attack on {target[0]} on {day[0]}."
    if language == "ar":
        that = "إن" if source[1] == "قال" else "أن"  # إنّ after قال, أنّ after any other verb
        head = f"{source[1]} {source[2]} {that} {after_inna}"
        tail = f"وراء الهجوم {weapon[1]} على {target[1]} في {day[1]}."
        return Pair("ar", english, f"{head} {was} {tail}", negative, f"{head} {was_not} {tail}")
    head = f"{source[3]} {source[4]} که {fa} پشت حمله {weapon[2]} به {target[2]} در {day[2]}"
    return Pair("fa", english, f"{head} بود.", negative, f"{head} نبود.")


def pairs(language: str, count: int) -> list[Pair]:
    """`count` distinct pairs in `language`, half claims of responsibility and half attributions."""
    found: list[Pair] = []
    combos = islice(cycle(range(len(ACTORS) * len(TARGETS))), count * 4)
    for n, combo in enumerate(combos):
        actor, target = ACTORS[combo % len(ACTORS)], TARGETS[(combo // len(ACTORS) + n) % len(TARGETS)]
        weapon, day = WEAPONS[(n * 7 + (language == "fa")) % len(WEAPONS)], DATES[(n * 3 + combo) % len(DATES)]
        if n % 2 == 0:
            pair = _responsibility(actor, target, weapon, day, language)
        else:
            pair = _attribution(actor, target, weapon, day, SOURCES[n % len(SOURCES)], language)
        if pair.english not in {p.english for p in found}:
            found.append(pair)
        if len(found) == count:
            break
    return found


def bilingual_set() -> list[Pair]:
    return pairs("ar", 60) + pairs("fa", 20)
