"""Regenerate the sample directory, directory/sample/sheffield.json.

This script regenerates the sample: edit the tables below, then run
    .venv/bin/python directory/sample/build_sample.py
from the project root. The output is deterministic (ids are uuid5 values derived from names),
so re-running without edits gives an identical file.

Local organisations are FICTIONAL: names, venues and phone numbers (Ofcom drama range) are made
up; postcodes and their latitude/longitude are real, taken from /work/shared/data/postcodes_S.csv
(National Statistics Postcode Lookup, Open Government Licence v3.0). National helplines are real;
see directory/sample/README.md for where each number was checked.
"""

from __future__ import annotations

import csv
import json
import math
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
POSTCODES = Path("/work/shared/data/postcodes_S.csv")
OUTPUT = HERE / "sheffield.json"
NAMESPACE = uuid.UUID("6f1c2a52-4c1e-4a55-9d0b-5e4f3b2a1c00")
FICTIONAL = "Sample data: this organisation is fictional."
VOCABULARY = "c1-needs"

# fmt: off
# need term id -> (name, description)
NEEDS: dict[str, tuple[str, str]] = {
    "need-general": ("General help and advice", "A good first place to ask about almost anything."),
    "need-loneliness": (
        "Loneliness and befriending",
        "Company, a friendly call or a social group.",
    ),
    "need-lunch-club": ("Lunch clubs", "A cooked meal with company, usually at a community venue."),
    "need-carers": (
        "Support for carers",
        "Advice, groups and someone to talk to if you look after someone.",
    ),
    "need-carers-break": (
        "Breaks for carers",
        "Sitting services, day clubs and short breaks so a carer can rest.",
    ),
    "need-young-carers": (
        "Young carers",
        "Support for children and young people who look after someone.",
    ),
    "need-dementia": (
        "Dementia and memory",
        "Memory cafes, support and activities for people with dementia.",
    ),
    "need-falls": ("Falls prevention", "Strength and balance, home checks and help after a fall."),
    "need-daily-living": (
        "Daily living and equipment",
        "Help with washing, bathing and aids for daily life.",
    ),
    "need-money": ("Money and benefits", "Benefits checks, form filling and debt advice."),
    "need-food": ("Food", "Food banks, pantries and community meals."),
    "need-warmth": ("Warmth and energy bills", "Help with heating, energy bills and warm spaces."),
    "need-transport": ("Transport", "Community transport, dial-a-ride and volunteer drivers."),
    "need-digital": ("Digital help", "Help using phones, tablets and the internet."),
    "need-bereavement": ("Bereavement", "Support after someone has died."),
    "need-mental-wellbeing": (
        "Mental wellbeing",
        "Someone to talk to and groups for low mood or worry.",
    ),
    "need-learning-disability": (
        "Learning disability",
        "Day opportunities and social clubs for adults.",
    ),
    "need-autism": ("Autism", "Social groups, advice and day opportunities for autistic adults."),
    "need-hoarding": (
        "Hoarding and clutter",
        "Non-judgemental help when a home has become too full.",
    ),
    "need-hospital-discharge": (
        "Home from hospital",
        "Practical help settling back home after hospital.",
    ),
    "need-sight-loss": ("Sight loss", "Advice, equipment and groups for people with sight loss."),
    "need-hearing-loss": ("Hearing loss", "Hearing aid help, lipreading and Deaf social groups."),
    "need-domestic-abuse": (
        "Domestic abuse",
        "Confidential support if someone is hurting or controlling you.",
    ),
    "need-advocacy": ("Advocacy", "Someone independent to help you have your say."),
    "need-physical-activity": (
        "Physical activity",
        "Gentle exercise, walking groups and sport for older people.",
    ),
    "need-gardening": (
        "Gardening and allotments",
        "Community gardens, allotments and garden help.",
    ),
    "need-mens-sheds": ("Men's sheds", "Workshops where men make, mend and chat."),
    "need-faith-culture": (
        "Faith and cultural groups",
        "Groups rooted in a faith, culture or language.",
    ),
    "need-scams": ("Scams and fraud", "Advice and reporting if you are worried about scams."),
    "need-home-repairs": (
        "Home repairs and handyperson",
        "Small repairs, grab rails and home safety jobs.",
    ),
    "need-continence": ("Continence", "Advice and products for bladder and bowel problems."),
    "need-stroke": ("Stroke", "Support and groups for people after a stroke and their families."),
    "need-parkinsons": ("Parkinson's", "Support, exercise and groups for people with Parkinson's."),
}

# anchor -> (district, approximate latitude, longitude, place name)
ANCHORS: dict[str, tuple[str, float, float, str]] = {
    "city": ("S1", 53.3811, -1.4701, "City Centre"),
    "heeley": ("S2", 53.3625, -1.4660, "Heeley"),
    "norfolkpark": ("S2", 53.3690, -1.4550, "Norfolk Park"),
    "manor": ("S2", 53.3710, -1.4350, "Manor"),
    "kelham": ("S3", 53.3900, -1.4720, "Kelham Island"),
    "upperthorpe": ("S3", 53.3860, -1.4870, "Upperthorpe"),
    "burngreave": ("S4", 53.3970, -1.4580, "Burngreave"),
    "pitsmoor": ("S4", 53.3950, -1.4620, "Pitsmoor"),
    "firthpark": ("S5", 53.4180, -1.4470, "Firth Park"),
    "parsoncross": ("S5", 53.4280, -1.4800, "Parson Cross"),
    "shiregreen": ("S5", 53.4200, -1.4300, "Shiregreen"),
    "hillsborough": ("S6", 53.4040, -1.5000, "Hillsborough"),
    "walkley": ("S6", 53.3940, -1.4950, "Walkley"),
    "stannington": ("S6", 53.4000, -1.5400, "Stannington"),
    "netheredge": ("S7", 53.3620, -1.4870, "Nether Edge"),
    "millhouses": ("S7", 53.3490, -1.4950, "Millhouses"),
    "woodseats": ("S8", 53.3430, -1.4750, "Woodseats"),
    "meersbrook": ("S8", 53.3550, -1.4750, "Meersbrook"),
    "norton": ("S8", 53.3350, -1.4600, "Norton"),
    "lowedges": ("S8", 53.3190, -1.4780, "Lowedges"),
    "darnall": ("S9", 53.3850, -1.4200, "Darnall"),
    "tinsley": ("S9", 53.4070, -1.4000, "Tinsley"),
    "attercliffe": ("S9", 53.3920, -1.4330, "Attercliffe"),
    "crookes": ("S10", 53.3850, -1.5100, "Crookes"),
    "broomhill": ("S10", 53.3800, -1.4950, "Broomhill"),
    "fulwood": ("S10", 53.3650, -1.5450, "Fulwood"),
    "crosspool": ("S10", 53.3780, -1.5250, "Crosspool"),
    "ecclesall": ("S11", 53.3600, -1.5200, "Ecclesall"),
    "sharrow": ("S11", 53.3680, -1.4850, "Sharrow"),
    "gleadless": ("S12", 53.3500, -1.4300, "Gleadless"),
    "frecheville": ("S12", 53.3500, -1.3950, "Frecheville"),
    "handsworth": ("S13", 53.3700, -1.3850, "Handsworth"),
    "woodhouse": ("S13", 53.3600, -1.3700, "Woodhouse"),
    "gleadlessvalley": ("S14", 53.3500, -1.4500, "Gleadless Valley"),
    "dore": ("S17", 53.3270, -1.5350, "Dore"),
    "totley": ("S17", 53.3150, -1.5350, "Totley"),
    "mosborough": ("S20", 53.3250, -1.3620, "Mosborough"),
    "beighton": ("S20", 53.3370, -1.3380, "Beighton"),
    "chapeltown": ("S35", 53.4620, -1.4680, "Chapeltown"),
    "ecclesfield": ("S35", 53.4420, -1.4680, "Ecclesfield"),
    "highgreen": ("S35", 53.4750, -1.4900, "High Green"),
    "stocksbridge": ("S36", 53.4800, -1.5900, "Stocksbridge"),
    "deepcar": ("S36", 53.4730, -1.5600, "Deepcar"),
}
# fmt: on

DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
DAY_NAMES = dict(
    zip(
        DAYS,
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        strict=True,
    )
)


@dataclass(frozen=True)
class Local:
    """A fictional local service. `when` is e.g. "TU,TH 12:00-14:00|SA 10:00-12:00"."""

    name: str
    anchor: str
    needs: str
    when: str
    text: str
    venue: str = "Community Centre"
    cost: str = "Free"
    area: str = ""  # "" means "<district> and nearby"
    ages: tuple[int | None, int | None] = (18, None)
    langs: tuple[str, ...] = ()
    assured: str = "2026-09-15"
    mobile: bool = False


@dataclass(frozen=True)
class National:
    """A real national helpline or online service."""

    name: str
    org: str
    org_text: str
    needs: str
    when: str
    text: str
    phone: str
    url: str
    area: str = "UK"
    ages: tuple[int | None, int | None] = (18, None)
    phone_note: str = ""
    assured: str = "2026-10-01"


# fmt: off
L = Local
LOCAL: list[Local] = [
    # Loneliness and befriending
    L("Heeley Friendship Lunch Club", "heeley", "lunch-club loneliness", "TU,TH 12:00-14:00",
      "A hot two-course lunch and a chat in a friendly church hall. New faces are always "
      "welcome and volunteers will help you to your seat.", venue="St Wilfrid's Church Hall",
      cost="£4.50 per meal"),
    L("Woodseats Telephone Friends", "woodseats", "loneliness", "MO,TU,WE,TH,FR 10:00-16:00",
      "A volunteer rings you once or twice a week for a friendly chat at a time that suits you. "
      "Good if you find it hard to get out of the house.", venue="Chantrey Road Hall"),
    L("Hillsborough Good Neighbours", "hillsborough", "loneliness", "MO,WE,FR 09:30-15:30",
      "A volunteer visits you at home every week for a cuppa and a chat. They can also go with "
      "you to the shops or a local group until you feel confident.",
      venue="Good Neighbours Office"),
    L("Firth Park Coffee and Company", "firthpark", "loneliness", "WE 10:00-12:00",
      "A relaxed coffee morning with cake, games and people to chat to. Just drop in, there is "
      "no need to book.", venue="Firth Park Methodist Hall", cost="£1 for a drink and cake"),
    L("Stocksbridge Friendly Faces", "stocksbridge", "loneliness", "TH 13:30-15:30",
      "An afternoon social with a quiz, bingo and a brew. Members say it is the highlight of "
      "their week.", venue="Manchester Road Community Rooms", cost="£2 a session"),
    L("Crookes Knit and Natter", "crookes", "loneliness", "MO 14:00-16:00",
      "Bring your knitting, crochet or just yourself for a natter and a cup of tea. Wool and "
      "needles are there to borrow.", venue="Crookes Valley Church Hall"),
    L("Darnall Evening Chat Cafe", "darnall", "loneliness", "TU,TH 18:00-20:30",
      "An evening cafe for anyone who feels on their own once it gets dark. Free tea, toast and "
      "friendly volunteers.", venue="Darnall Community Rooms"),
    L("Chapeltown Sunday Tea Club", "chapeltown", "loneliness", "SU 14:00-16:30",
      "Sunday afternoon tea with sandwiches, cake and company for older people. Sundays can be "
      "long on your own, so come and join us.", venue="Chapeltown Baptist Hall",
      cost="£3 including tea"),
    L("Gleadless Valley Saturday Social", "gleadlessvalley", "loneliness", "SA 11:00-14:00",
      "A Saturday get-together with a light lunch, music and board games. Everyone aged 50 and "
      "over is welcome.", venue="Gleadless Valley Community Hub", ages=(50, None)),
    L("Beighton Befriending Scheme", "beighton", "loneliness", "MO,TU,WE,TH,FR 09:00-17:00",
      "We match you with a volunteer who shares your interests for weekly visits or phone calls. "
      "Call us and we will arrange a friendly first visit.", venue="Beighton Community Office"),
    L("Sheffield Evening Companions Line", "city", "loneliness",
      "MO,TU,WE,TH,FR,SA,SU 18:00-22:00",
      "A friendly phone line open every evening for a chat when the days feel long. Volunteers "
      "can also call you back at a set time each week.", venue="Volunteer Centre, Norfolk Street",
      area="Sheffield"),
    # Lunch clubs
    L("Parson Cross Pensioners' Dinner Club", "parsoncross", "lunch-club loneliness",
      "MO,WE 12:00-13:30", "A proper cooked dinner and pudding with other pensioners. Transport "
      "can be arranged if you cannot get there on your own.", venue="Parson Cross Tenants Hall",
      cost="£4 per meal", ages=(60, None)),
    L("Woodhouse Wednesday Lunch", "woodhouse", "lunch-club loneliness", "WE 12:00-14:00",
      "A home-cooked lunch followed by a raffle and a sing-along. Special diets can be catered "
      "for if you tell us in advance.", venue="Woodhouse Parish Rooms", cost="£5 per meal"),
    L("Nether Edge Community Kitchen Lunch", "netheredge", "lunch-club food loneliness",
      "TH 12:30-14:00", "A vegetarian lunch made by volunteers from local and surplus food. Pay "
      "what you can, and stay for a chat.", venue="Nether Edge Neighbourhood Hall",
      cost="Pay as you feel"),
    L("Norton Lunch and Bingo Club", "norton", "lunch-club loneliness", "FR 11:30-14:00",
      "Friday lunch with a game of bingo afterwards. A lovely way to end the week with friends.",
      venue="Norton Church Rooms", cost="£4.50 per meal"),
    L("Meersbrook Tuesday Lunch Club", "meersbrook", "lunch-club loneliness", "TU 12:00-14:00",
      "A warm two-course lunch in the park hall with tea and a natter. Newcomers are paired "
      "with a friendly regular on their first visit.", venue="Meersbrook Park Hall",
      cost="£4.50 per meal"),
    L("Lowedges Friday Dinner Club", "lowedges", "lunch-club loneliness", "FR 12:00-13:30",
      "A hot Friday dinner for older people and anyone living alone. We can collect you if you "
      "live nearby.", venue="Lowedges Community Flat", cost="£3.50 per meal"),
    L("High Green Luncheon Club", "highgreen", "lunch-club loneliness", "TH 12:00-14:00",
      "A weekly luncheon club with a roast, pudding and a cup of tea. Afterwards there is often "
      "a speaker or a quiz.", venue="High Green Village Hall", cost="£5 per meal"),
    L("Fulwood Village Lunch Club", "fulwood", "lunch-club loneliness", "WE 12:30-14:30",
      "A two-course lunch in the village hall with a friendly crowd. Lifts can be arranged for "
      "people who no longer drive.", venue="Fulwood Old Chapel Hall", cost="£6 per meal"),
    L("Mosborough Sunday Lunch Club", "mosborough", "lunch-club loneliness", "SU 12:30-14:30",
      "A traditional Sunday roast with company, once a week. Ideal if weekends are the "
      "loneliest time for you.", venue="Mosborough Miners' Welfare Hall", cost="£6.50 per meal"),
    L("Burngreave Asian Elders Lunch Club", "burngreave", "lunch-club faith-culture loneliness",
      "MO,TH 12:00-14:00", "A halal lunch and social for South Asian elders. Staff speak Urdu, "
      "Punjabi and Bengali as well as English.", venue="Spital Hill Community Hall",
      cost="£3 per meal", langs=("Urdu", "Punjabi", "Bengali")),
    # Carers
    L("Sheffield Carers Together (sample)", "city", "carers carers-break money",
      "MO,TU,WE,TH,FR 09:00-17:00", "Advice and support for anyone who looks after a family "
      "member or friend. We can help with a carer's assessment, money worries and finding a "
      "break.", venue="Carers Advice Centre, Campo Lane", area="Sheffield"),
    L("Hillsborough Carers' Coffee Morning", "hillsborough", "carers", "TU 10:00-12:00",
      "A coffee morning where carers can share how things are going with people who "
      "understand. A carers adviser comes along each week.", venue="Hillsborough Library Room"),
    L("S8 Carers Evening Group", "woodseats", "carers", "TH 18:30-20:30",
      "An evening group for carers who work or cannot get out in the day. Talk, swap tips and "
      "have a bit of time for yourself.", venue="Woodseats Library Meeting Room"),
    L("Darnall Carers Circle", "darnall", "carers faith-culture", "WE 10:30-12:30",
      "A friendly group for South Asian carers, with advice sessions and chat. Sessions run in "
      "Urdu, Punjabi and English.", venue="Darnall Wellbeing Centre", langs=("Urdu", "Punjabi")),
    L("Stannington Carers Walk and Talk", "stannington", "carers physical-activity",
      "SA 10:00-12:00", "A gentle Saturday walk for carers followed by a cuppa. Fresh air and "
      "good company with people in the same boat.", venue="Stannington Park Pavilion"),
    L("Manor Parent Carers Group", "manor", "carers learning-disability", "MO 19:00-21:00",
      "An evening group for parents who care for an adult son or daughter with a learning "
      "disability or autism. Share experiences and plan for the future together.",
      venue="Manor Lane Community Centre"),
    L("Mosborough Carers Support Group", "mosborough", "carers", "FR 13:30-15:00",
      "A small, friendly group for carers with a speaker once a month. You can bring the "
      "person you care for if you need to.", venue="Mosborough Library Room"),
    # Carers' breaks
    L("Sheffield Sitting Service (sample)", "netheredge", "carers-break dementia",
      "MO,TU,WE,TH,FR 09:00-21:00", "A trained care worker sits with the person you look after "
      "for up to four hours so you can have a break. Evenings can be booked too.",
      venue="Sitting Service Office, Montgomery Road", area="Sheffield",
      cost="4 free hours a month, then £14 per hour"),
    L("Ecclesfield Saturday Respite Club", "ecclesfield", "carers-break dementia",
      "SA 10:00-15:00", "A Saturday day club for people with dementia or frailty, with lunch "
      "and activities. It gives family carers a day to themselves.",
      venue="Ecclesfield Priory Rooms", cost="£15 per day including lunch"),
    L("Gleadless Day Centre Breaks", "gleadless", "carers-break dementia loneliness",
      "MO,WE,FR 10:00-15:30", "A day centre with lunch, gentle exercise and outings. Carers get "
      "a regular break knowing their loved one is safe.", venue="Gleadless Day Centre",
      cost="£25 per day including lunch and transport"),
    L("Totley Weekend Breathing Space", "totley", "carers-break carers", "SA,SU 10:00-16:00",
      "Weekend sitting and day trips so carers can rest, shop or see friends. Booking a week "
      "ahead is best.", venue="Totley Rise Hall", cost="£10 per session"),
    L("Beighton Carers Pamper Afternoons", "beighton", "carers-break carers", "SU 13:00-16:00",
      "Sunday afternoons of hand massage, a nice tea and time to unwind for unpaid carers. "
      "Volunteers can sit with the person you care for in the next room.",
      venue="Beighton Welfare Hall"),
    L("Attercliffe Saturday Club for Autistic Adults", "attercliffe",
      "carers-break autism learning-disability", "SA 10:00-16:00",
      "A Saturday club with calm spaces, games and outings for autistic adults and adults with "
      "a learning disability. Family carers get a day's break.", venue="Attercliffe Activity Hub",
      cost="£20 per day"),
    # Young carers
    L("Sheffield Young Carers Club (sample)", "city", "young-carers", "WE 17:00-19:00",
      "A club for children who help look after someone at home. Fun activities, trips and "
      "someone to talk to about home.", venue="Youth Zone, Eyre Street", area="Sheffield",
      ages=(8, 17)),
    L("Firth Park Young Carers Saturday Group", "firthpark", "young-carers", "SA 10:00-13:00",
      "A Saturday morning group for young carers with games, crafts and snacks. A worker can "
      "also talk to your school about caring.", venue="Firth Park Youth Rooms", ages=(8, 17)),
    L("Young Adult Carers Drop-in", "broomhill", "young-carers carers", "TH 16:00-18:30",
      "A drop-in for young adults who care for a parent, brother or sister. Help with college, "
      "work, money and having a life of your own.", venue="Broomhill Youth Cafe",
      area="Sheffield", ages=(16, 25)),
    # Dementia
    L("Meersbrook Memory Cafe", "meersbrook", "dementia carers", "WE 14:00-16:00",
      "A relaxed cafe for people living with dementia or memory problems and the people who "
      "care for them. Music, reminiscence and advice in a friendly space.",
      venue="Meersbrook Park Hall"),
    L("Hillsborough Sing and Remember", "hillsborough", "dementia carers", "FR 10:30-12:00",
      "A singing group for people with dementia and their carers. Old favourites, warm-ups and "
      "a cup of tea afterwards.", venue="Hillsborough Trinity Hall", cost="£2 per session"),
    L("Crookes Saturday Memory Club", "crookes", "dementia carers-break", "SA 10:00-12:30",
      "A Saturday morning club for people with memory problems, with quizzes, music and "
      "crafts. Carers can stay or have a couple of hours off.", venue="Crookes Social Club"),
    L("Handsworth Forget-Me-Not Cafe", "handsworth", "dementia carers", "TU 13:30-15:30",
      "A memory cafe with activities, music and information for families living with dementia. "
      "A dementia adviser is there most weeks.", venue="Handsworth Parish Centre"),
    L("Chapeltown Dementia-Friendly Dance", "chapeltown", "dementia physical-activity",
      "MO 14:00-15:30", "Gentle seated and standing dance to music from the 50s and 60s. "
      "Suitable for people with dementia and their partners.", venue="Chapeltown Baptist Hall",
      cost="£3 per couple"),
    L("Sheffield Dementia Day Opportunities (sample)", "sharrow", "dementia carers-break",
      "MO,TU,WE,TH,FR 09:30-15:30", "Day opportunities for people with dementia, with "
      "lunch, activities and outings. Transport is available across Sheffield.",
      venue="Sharrow Vale Day Centre", area="Sheffield", cost="£30 per day",
      assured="2023-02-10"),
    L("Totley Sunday Memory Lane Cafe", "totley", "dementia loneliness", "SU 14:00-16:00",
      "A Sunday afternoon memory cafe with old photos, music and homemade cake. Families are "
      "welcome to come together.", venue="Totley Library Room"),
    L("Pitsmoor Dementia Support for South Asian Families", "pitsmoor",
      "dementia carers faith-culture", "TH 11:00-13:00",
      "Advice and a friendly group for South Asian families caring for someone with memory "
      "problems. Sessions in Urdu, Punjabi, Bengali and English.", venue="Pitsmoor Adventure Hall",
      langs=("Urdu", "Punjabi", "Bengali")),
    # Falls prevention
    L("Woodseats Steady Steps", "woodseats", "falls physical-activity", "TU,FR 10:00-11:00",
      "Strength and balance classes to help you stay steady on your feet. Led by a qualified "
      "instructor, with chair support for everyone.", venue="Woodseats Methodist Hall",
      cost="£2 per class"),
    L("Stannington Steady and Strong", "stannington", "falls physical-activity",
      "TH 14:00-15:00", "A 12-week strength and balance course for people who have had a fall "
      "or are worried about falling. Exercises you can also do at home.",
      venue="Stannington Village Hall"),
    L("Firth Park Falls Prevention Classes", "firthpark", "falls physical-activity",
      "MO 11:00-12:00", "Gentle exercise classes that build up leg strength and balance. You "
      "will also learn how to get up safely if you do fall.", venue="Firth Park Pavilion"),
    L("Sheffield Falls Home Check (sample)", "city", "falls home-repairs daily-living",
      "MO,TU,WE,TH,FR 09:00-17:00", "A trained worker visits your home to spot trip hazards, "
      "check lighting and suggest grab rails or other aids. They can arrange small jobs too.",
      venue="Healthy Homes Office, Arundel Street", area="Sheffield"),
    L("Frecheville Chair-Based Balance", "frecheville", "falls physical-activity",
      "WE 10:30-11:30", "A seated exercise class that improves balance and strength. Good if "
      "you use a stick or frame.", venue="Frecheville Community Centre", cost="£2 per class"),
    # Daily living, bathing and equipment
    L("Sheffield Living Aids Centre (sample)", "attercliffe", "daily-living falls",
      "MO,TU,WE,TH,FR 09:30-16:30|SA 10:00-13:00", "Try out bath lifts, shower stools, raised "
      "toilet seats and kitchen aids before you buy. Friendly staff can advise on what might "
      "help with washing and dressing.", venue="Living Aids Showroom", area="Sheffield"),
    L("Bath Help at Home (sample)", "gleadless", "daily-living", "MO,TU,WE,TH,FR,SA 08:00-12:00",
      "A care worker visits to help you have a bath or shower safely. Useful if you cannot get "
      "in and out of the bath on your own anymore.", venue="Bath Help Office",
      area="Sheffield", cost="£18 per visit"),
    L("Hillsborough Equipment Loan Shop", "hillsborough", "daily-living falls",
      "TU,TH 10:00-15:00", "Borrow or buy walking frames, wheelchairs, perching stools and other "
      "daily living aids. Short loans are free after a hospital stay.",
      venue="Middlewood Road Shop", cost="Free loans; small charge to buy"),
    L("Chapeltown Easy Bathroom Advice", "chapeltown", "daily-living home-repairs",
      "WE 10:00-14:00", "Advice on swapping a bath for a walk-in shower and on grants that may "
      "help pay for it. Bring a photo of your bathroom.", venue="Chapeltown Library Room"),
    L("Nether Edge Kitchen Confidence", "netheredge", "daily-living stroke", "MO 13:00-15:00",
      "Practical cooking sessions for people finding the kitchen harder after illness, a stroke "
      "or sight loss. Try easy-grip tools and simple recipes.",
      venue="Nether Edge Neighbourhood Hall", cost="£3 per session"),
    # Money and benefits
    L("Manor Money Advice Drop-in", "manor", "money", "TU 09:30-12:30",
      "Free, confidential help with benefits, bills and debts. Bring any letters you are "
      "worried about.", venue="Manor Lane Community Centre"),
    L("Pitsmoor Benefits and Form-Filling Help", "pitsmoor", "money faith-culture",
      "MO,TH 10:00-13:00", "Help filling in benefit forms, including Attendance Allowance and "
      "Pension Credit. Advisers speak Urdu, Somali and Arabic.", venue="Pitsmoor Advice Centre",
      langs=("Urdu", "Somali", "Arabic")),
    L("Hillsborough Pension Credit Help Desk", "hillsborough", "money", "WE 10:00-13:00",
      "Find out if you can get Pension Credit or other help, and get support to apply. Many "
      "older people miss out on money they are owed.", venue="Hillsborough Library Room"),
    L("Woodseats Money Matters", "woodseats", "money", "FR 10:00-12:00",
      "A benefits check and budgeting help in a friendly drop-in. Advisers can also help with "
      "council tax and energy debts.", venue="Woodseats Library Meeting Room"),
    L("City Centre Saturday Money Advice", "city", "money", "SA 10:00-13:00",
      "A Saturday morning advice session for people who cannot get to weekday appointments. "
      "Help with benefits, debt and bills.", venue="Central Advice Rooms, Surrey Street",
      area="Sheffield"),
    L("Chapeltown Attendance Allowance Help", "chapeltown", "money", "TU 13:00-16:00",
      "Volunteers help you fill in Attendance Allowance and blue badge forms. Home visits are "
      "possible if you cannot get out.", venue="Chapeltown Library Room"),
    L("Handsworth Evening Debt Advice", "handsworth", "money", "WE 17:30-20:00",
      "An evening appointment service for debt and money worries. Confidential, free and "
      "non-judgemental.", venue="Handsworth Parish Centre"),
    # Food
    L("Parson Cross Community Food Bank", "parsoncross", "food money", "TU,FR 10:00-13:00",
      "Emergency food parcels for people who are struggling. You can also get advice on money "
      "while you are here.", venue="Parson Cross Church Hall"),
    L("Darnall Community Pantry", "darnall", "food", "WE 12:00-15:00|SA 10:00-12:00",
      "A membership food pantry where a small weekly payment gets you a bag of shopping worth "
      "much more. Fresh fruit and veg most weeks.", venue="Darnall Community Rooms",
      cost="£3.50 per shop"),
    L("Gleadless Valley Food Hub", "gleadlessvalley", "food", "MO,TH 11:00-14:00",
      "Food parcels, a pantry and a warm drink. No referral is needed for your first visit.",
      venue="Gleadless Valley Community Hub"),
    L("Walkley Community Fridge", "walkley", "food", "MO,TU,WE,TH,FR,SA,SU 09:00-19:00",
      "A community fridge with free surplus food from local shops. Help yourself, no questions "
      "asked.", venue="Walkley Community Centre"),
    L("Stocksbridge Food Bank", "stocksbridge", "food", "TH 13:00-15:00",
      "Emergency food for anyone in Stocksbridge and Deepcar who is struggling. Call ahead and "
      "we can deliver if you cannot get out.", venue="Stocksbridge Methodist Church"),
    L("Sharrow Sunday Community Meal", "sharrow", "food lunch-club loneliness", "SU 13:00-15:00",
      "A free hot meal every Sunday for anyone who would like one. Come for the food, stay for "
      "the company.", venue="Sharrow Community Forum Hall", cost="Pay as you feel"),
    L("Kelham Evening Community Meal", "kelham", "food loneliness", "MO,WE 18:00-19:30",
      "A free evening meal in a welcoming space. Everyone eats together at big tables.",
      venue="Kelham Mission Hall"),
    L("Meals at Home Sheffield (sample)", "city", "food hospital-discharge daily-living",
      "MO,TU,WE,TH,FR,SA 09:00-13:00", "Hot or frozen meals delivered to your door by "
      "friendly drivers who check you are alright. Short-term deliveries after hospital can be "
      "arranged quickly.", venue="Meals Kitchen, Attercliffe Road", area="Sheffield",
      cost="£5.50 per meal"),
    L("Lowedges Food Bank", "lowedges", "food money", "MO 12:00-14:00",
      "Food parcels and toiletries for people in South Sheffield. Advice on benefits and "
      "energy bills is on hand.", venue="Lowedges Community Flat"),
    # Warmth and energy
    L("Warm Homes Sheffield Advice (sample)", "city", "warmth money",
      "MO,TU,WE,TH,FR 09:00-17:00", "Advice on cutting energy bills, dealing with meter "
      "problems and getting grants for heating and insulation. We can call your supplier "
      "with you.", venue="Healthy Homes Office, Arundel Street", area="Sheffield"),
    L("Heeley Warm Space", "heeley", "warmth loneliness", "MO,WE,FR 10:00-16:00",
      "A warm, welcoming room with hot drinks, soup and newspapers. Stay as long as you like.",
      venue="Heeley Community Rooms"),
    L("Shiregreen Warm Welcome", "shiregreen", "warmth loneliness food", "TU,TH 11:00-15:00",
      "Somewhere warm to spend the day, with free soup, games and phone charging. Energy "
      "advice is available on Thursdays.", venue="Shiregreen Community Centre"),
    L("Broomhill Energy Bill Help Clinic", "broomhill", "warmth money", "TH 10:00-13:00",
      "Bring your energy bills and get help to understand them, switch tariffs or ask for "
      "help with debt. Volunteers can make calls for you.", venue="Broomhill Library Room"),
    L("Beighton Saturday Warm Hub", "beighton", "warmth loneliness", "SA 10:00-14:00",
      "A warm Saturday space with hot drinks, a light lunch and company. Blankets and hot "
      "water bottles are given out in winter.", venue="Beighton Welfare Hall"),
    L("Stannington Draught Busters", "stannington", "warmth home-repairs",
      "TU,TH 09:00-16:00", "Volunteers fit draught excluders, radiator reflectors and "
      "curtain linings to help keep your home warm. Older and disabled people go first.",
      venue="Stannington Village Hall", area="Sheffield", mobile=True),
    # Transport
    L("Sheffield Dial-a-Ride (sample)", "city", "transport", "MO,TU,WE,TH,FR,SA 07:30-18:00",
      "A door-to-door minibus for people who find it hard to use buses. Book by phone for "
      "shopping, appointments or visiting friends.", venue="Transport Depot, Sheaf Street",
      area="Sheffield", cost="£2.50 per trip"),
    L("North Sheffield Community Transport (sample)", "ecclesfield", "transport",
      "MO,TU,WE,TH,FR 08:30-16:30", "Accessible minibuses and volunteer drivers for people in "
      "the north of Sheffield. Trips to the GP, hospital, shops and lunch clubs.",
      venue="Ecclesfield Transport Yard", area="S5, S6 and S35", cost="£3 per trip"),
    L("South West Sheffield Volunteer Car Scheme", "ecclesall", "transport",
      "MO,TU,WE,TH,FR 09:00-16:00", "Volunteer drivers take you to appointments and back in "
      "their own cars. You pay a small mileage charge.", venue="Ecclesall Road Office",
      area="S7, S10, S11 and S17", cost="45p per mile"),
    L("Stocksbridge and Deepcar Community Bus", "deepcar", "transport loneliness",
      "TU,TH 09:30-15:00", "A friendly community bus for shopping trips and days out. The "
      "driver will help you on and off with your bags.", venue="Deepcar Village Hall",
      area="S36", cost="£2 return"),
    L("East Sheffield Shopper Bus", "woodhouse", "transport loneliness", "WE 09:30-13:30",
      "A weekly bus from your door to the supermarket and back, with time for a coffee. "
      "Great if you no longer drive.", venue="Woodhouse Parish Rooms", area="S12, S13 and S20",
      cost="£2 return"),
    # Digital help
    L("Woodseats Library Tablet Help", "woodseats", "digital", "TH 14:00-16:00",
      "One-to-one help with phones, tablets and laptops from patient volunteers. Learn video "
      "calls, online shopping or GP appointments.", venue="Woodseats Library Meeting Room"),
    L("Darnall Digital Buddies", "darnall", "digital faith-culture", "TU 10:00-12:00",
      "Friendly help to get online, with tablets to borrow. Volunteers speak Urdu and Punjabi "
      "too.", venue="Darnall Wellbeing Centre", langs=("Urdu", "Punjabi")),
    L("Hillsborough Silver Surfers", "hillsborough", "digital loneliness", "MO 13:30-15:30",
      "A relaxed computer club for older people. Bring your own device or use ours.",
      venue="Hillsborough Library Room"),
    L("City Centre Saturday Tech Cafe", "city", "digital", "SA 10:00-13:00",
      "Drop in on a Saturday for help with your phone, email or online forms. Tea and "
      "biscuits included.", venue="Central Library Learning Room", area="Sheffield"),
    L("Chapeltown Phone and Tablet Help", "chapeltown", "digital", "WE 10:00-12:00",
      "Help setting up and using smartphones and tablets, including the NHS App. Small, "
      "patient groups.", venue="Chapeltown Library Room"),
    L("Gleadless Device Lending Library", "gleadless", "digital", "FR 10:00-13:00",
      "Borrow a tablet with free data for three months and get help learning to use it. For "
      "people who cannot afford a device.", venue="Gleadless Library Room"),
    # Bereavement
    L("Walkley Bereavement Cafe", "walkley", "bereavement loneliness", "TH 14:00-16:00",
      "A gentle cafe for anyone who has lost someone close. Talk if you want to, or just sit "
      "with a cup of tea among people who understand.", venue="Walkley Community Centre"),
    L("Norton Widowed Friends Social", "norton", "bereavement loneliness", "MO 18:30-20:30",
      "An evening social group for people who have lost a husband, wife or partner. Outings, "
      "meals and friendship.", venue="Norton Church Rooms", assured="2022-06-01"),
    L("Sheffield Bereavement Listening Service (sample)", "netheredge",
      "bereavement mental-wellbeing", "MO,TU,WE,TH,FR 09:00-17:00|TU,TH 18:00-20:00",
      "Free one-to-one support from trained bereavement volunteers, in person or by phone. "
      "Evening sessions on Tuesdays and Thursdays.", venue="Listening Rooms, Montgomery Road",
      area="Sheffield"),
    L("Handsworth Grief Support Group", "handsworth", "bereavement", "WE 18:00-20:00",
      "A small evening group where bereaved people support each other, led by a trained "
      "facilitator.", venue="Handsworth Parish Centre"),
    L("Ecclesfield Afternoon Tea for the Bereaved", "ecclesfield", "bereavement loneliness",
      "SU 14:00-16:00", "A Sunday afternoon tea for people coping with loss. A kind, quiet "
      "space to meet others.", venue="Ecclesfield Priory Rooms"),
    # Mental wellbeing
    L("City Evening Calm Cafe", "city", "mental-wellbeing", "MO,TU,WE,TH,FR,SA,SU 18:00-23:00",
      "An evening safe space for adults who are struggling or feel low. Trained staff listen "
      "and help you plan the next few days.", venue="Calm Cafe, Division Street",
      area="Sheffield"),
    L("Heeley Talking Space", "heeley", "mental-wellbeing loneliness", "WE 13:00-15:00",
      "A peer support group for people living with anxiety or low mood. Talk as much or as "
      "little as you like.", venue="Heeley Community Rooms"),
    L("Firth Park Men's Talking Group", "firthpark", "mental-wellbeing", "MO 19:00-21:00",
      "An evening group where men talk openly about how life is going. No pressure, just "
      "a brew and honest conversation.", venue="Firth Park Pavilion"),
    L("Crookes Mindful Walks", "crookes", "mental-wellbeing physical-activity",
      "SA 09:30-11:00", "A slow Saturday walk through local parks with time to notice and "
      "breathe. Good for stress and low mood.", venue="Crookes Valley Park Gate"),
    L("Darnall Women's Wellbeing Circle", "darnall", "mental-wellbeing faith-culture",
      "TH 10:00-12:00", "A women-only group for relaxation, crafts and talking about wellbeing. "
      "Sessions in Urdu, Arabic and English.", venue="Darnall Wellbeing Centre",
      langs=("Urdu", "Arabic")),
    L("Stocksbridge Wellbeing Drop-in", "stocksbridge", "mental-wellbeing loneliness",
      "FR 10:00-13:00", "A drop-in for anyone feeling stressed, low or isolated. A wellbeing "
      "worker can help you find other support.", venue="Manchester Road Community Rooms"),
    L("Broomhill Low-Cost Counselling", "broomhill", "mental-wellbeing bereavement",
      "MO,TU,WE,TH 10:00-20:00", "Counselling with trained counsellors for low mood, anxiety, "
      "loss and life changes. Fees depend on what you can afford.",
      venue="Counselling Rooms, Glossop Road", area="Sheffield", cost="£5 to £30 per session"),
    # Learning disability
    L("Manor Day Opportunities", "manor", "learning-disability", "MO,TU,WE,TH,FR 09:30-15:30",
      "Day opportunities for adults with a learning disability: cooking, art, music and "
      "community trips. Support staff help everyone take part.", venue="Manor Lane Day Centre",
      cost="Funded through a care plan or £35 per day"),
    L("Friday Night Disco Club", "city", "learning-disability autism loneliness",
      "FR 19:00-22:00", "A Friday night disco and social for adults with a learning disability "
      "or autism. Supporters get in free.", venue="City Centre Social Club", area="Sheffield",
      cost="£4 entry"),
    L("Hillsborough Allotment Crew", "hillsborough", "learning-disability gardening",
      "TU,TH 10:00-14:00", "Grow fruit and vegetables with support on a friendly allotment. "
      "For adults with a learning disability or autism.", venue="Hillsborough Allotments Gate 2",
      cost="£10 per day"),
    L("Gleadless Cooking and Life Skills", "gleadless", "learning-disability daily-living",
      "WE 10:00-14:00", "Learn to cook, shop and manage money with support. For adults with "
      "a learning disability who want more independence.", venue="Gleadless Day Centre"),
    L("Beighton Saturday Social for Adults with Learning Disabilities", "beighton",
      "learning-disability loneliness", "SA 11:00-15:00", "A Saturday social club with "
      "games, outings and a packed lunch. Make friends and try new things.",
      venue="Beighton Welfare Hall", cost="£5 per session"),
    # Autism
    L("Sheffield Autistic Adults Social (sample)", "kelham", "autism loneliness",
      "WE 18:00-20:30", "A calm evening social run by and for autistic adults. Board games, "
      "quiet corners and no pressure to chat.", venue="Kelham Mission Hall", area="Sheffield"),
    L("Sharrow Quiet Board Games Club", "sharrow", "autism loneliness", "SU 13:00-16:00",
      "A low-sensory Sunday board games club with soft lighting and clear routines. Welcoming "
      "to autistic adults and anyone who prefers quiet.", venue="Sharrow Community Forum Hall"),
    L("Broomhill Autism Advice Drop-in", "broomhill", "autism advocacy", "TU 10:00-13:00",
      "Advice for autistic adults and families on diagnosis, benefits, work and support. "
      "Appointments are available if drop-ins are hard.", venue="Broomhill Library Room"),
    L("Attercliffe Autism Day Opportunities", "attercliffe", "autism learning-disability",
      "MO,TU,WE,TH,FR 09:00-15:00", "Structured day opportunities for autistic adults with "
      "activities planned around each person. Quiet rooms and small groups.",
      venue="Attercliffe Activity Hub", cost="Funded through a care plan"),
    # Hoarding
    L("Clutter Support Sheffield (sample)", "city", "hoarding mental-wellbeing",
      "MO,TU,WE,TH,FR 09:30-16:30", "Kind, non-judgemental help for people whose home has "
      "become too full to live in safely. We work at your pace and never throw things "
      "away without agreement.", venue="Clutter Support Office, Charter Row", area="Sheffield"),
    L("Heeley Declutter Peer Group", "heeley", "hoarding", "TU 18:00-19:30",
      "An evening peer group for people who find it hard to let go of things. Share progress "
      "and tips with others who understand.", venue="Heeley Community Rooms"),
    L("North Sheffield Hoarding Support Group", "firthpark", "hoarding mental-wellbeing",
      "TH 13:00-14:30", "A friendly support group for people living with hoarding and their "
      "families. A worker can visit you at home as well.", venue="Firth Park Pavilion"),
    # Home from hospital
    L("Home from Hospital Sheffield (sample)", "city", "hospital-discharge loneliness",
      "MO,TU,WE,TH,FR,SA,SU 08:00-20:00", "Practical help for up to six weeks after you leave "
      "hospital: shopping, prescriptions, settling in and a friendly check-in call.",
      venue="Home from Hospital Office, Fitzalan Square", area="Sheffield"),
    L("South Sheffield Settle In Service", "norton", "hospital-discharge daily-living",
      "MO,TU,WE,TH,FR 09:00-17:00", "Someone to meet you at home after a hospital stay, put "
      "the heating on, check you have food and arrange any equipment.", venue="Norton Church Rooms",
      area="S7, S8, S14 and S17"),
    L("North Sheffield Hospital Discharge Volunteers", "firthpark",
      "hospital-discharge transport", "MO,TU,WE,TH,FR,SA,SU 09:00-19:00",
      "Volunteers drive you home from hospital and help you settle in. They can pick up "
      "shopping on the way.", venue="Firth Park Pavilion", area="S5, S6 and S35"),
    # Sight loss
    L("Sheffield Sight Loss Centre (sample)", "city", "sight-loss daily-living",
      "MO,TU,WE,TH,FR 09:30-16:00", "Advice, magnifiers, talking gadgets and help to stay "
      "independent with sight loss. Try equipment before you buy.",
      venue="Sight Loss Centre, Mappin Street", area="Sheffield"),
    L("Woodseats Visually Impaired Social Club", "woodseats", "sight-loss loneliness",
      "WE 13:30-15:30", "A social club for people with sight loss, with talks, outings and "
      "a good chat. Volunteers can guide you from the bus stop.",
      venue="Woodseats Methodist Hall"),
    L("Chapeltown Talking Newspaper and Sight Support", "chapeltown", "sight-loss",
      "MO 10:00-12:00", "A weekly talking newspaper on memory stick and a drop-in for help "
      "with sight loss equipment.", venue="Chapeltown Library Room"),
    # Hearing loss
    L("Sheffield Hearing Aid Drop-in (sample)", "broomhill", "hearing-loss",
      "TU 10:00-12:00|SA 10:00-12:00", "Free NHS hearing aid batteries, retubing and simple "
      "repairs. Drop in on a Tuesday or Saturday morning.", venue="Broomhill Library Room",
      area="Sheffield"),
    L("Hillsborough Hearing Help", "hillsborough", "hearing-loss", "TH 13:00-15:00",
      "Volunteers help with hearing aid care and show you loud-ring phones and doorbells.",
      venue="Hillsborough Library Room"),
    L("Nether Edge Lipreading Class", "netheredge", "hearing-loss", "MO 14:00-16:00",
      "Learn lipreading skills and tips for managing hearing loss in a small, supportive "
      "class.", venue="Nether Edge Neighbourhood Hall", cost="£3 per class"),
    L("Kelham Deaf Social Club", "kelham", "hearing-loss loneliness", "FR 18:00-21:00",
      "A Friday evening social for Deaf and hard of hearing people. British Sign Language "
      "users and learners welcome.", venue="Kelham Mission Hall", area="Sheffield",
      langs=("British Sign Language",)),
    # Domestic abuse
    L("Sheffield Domestic Abuse Support Line (sample)", "city", "domestic-abuse",
      "MO,TU,WE,TH,FR,SA,SU 00:00-23:59", "A confidential 24-hour phone line for anyone "
      "affected by domestic abuse in Sheffield. We can help you make a safety plan and find "
      "a safe place to stay.", venue="Confidential address", area="Sheffield"),
    L("Sharrow Safe and Well Group for Older Women", "sharrow", "domestic-abuse",
      "WE 10:00-12:00", "A confidential group for older women who have experienced abuse from "
      "a partner or family member. Support at your own pace.", venue="Confidential venue, Sharrow",
      ages=(55, None)),
    L("Pitsmoor Women's Safety Drop-in", "pitsmoor", "domestic-abuse faith-culture",
      "TU 13:00-15:00", "Confidential advice for women worried about their safety at home. "
      "Workers speak Urdu, Arabic and Somali.", venue="Pitsmoor Advice Centre",
      langs=("Urdu", "Arabic", "Somali")),
    # Advocacy
    L("Sheffield Independent Advocacy (sample)", "city", "advocacy",
      "MO,TU,WE,TH,FR 09:00-17:00", "An independent advocate can help you say what you want "
      "about your care, health or housing, and make sure you are listened to.",
      venue="Advocacy Office, West Street", area="Sheffield"),
    L("Upperthorpe Speak Up Self-Advocacy Group", "upperthorpe",
      "advocacy learning-disability", "TH 10:30-12:30", "A self-advocacy group run by people "
      "with learning disabilities. Learn to speak up about things that matter to you.",
      venue="Upperthorpe Healthy Living Rooms"),
    L("Carers' Voice Advocacy", "gleadless", "advocacy carers", "WE 10:00-16:00",
      "An advocate helps carers get their views heard at care reviews and meetings. Free and "
      "independent.", venue="Gleadless Library Room", area="Sheffield"),
    # Physical activity and sport
    L("Hillsborough Over-50s Walking Football", "hillsborough", "physical-activity loneliness",
      "MO 10:00-11:30", "Walking football for men and women over 50. No running, no heading, "
      "lots of laughs.", venue="Hillsborough Leisure Pitch", cost="£3 per session",
      ages=(50, None)),
    L("Beighton Saturday Walking Football", "beighton", "physical-activity", "SA 10:00-11:30",
      "Saturday morning walking football for all abilities. A gentle game and a cuppa after.",
      venue="Beighton Sports Ground", cost="£3 per session", ages=(50, None)),
    L("Millhouses Park Tai Chi", "millhouses", "physical-activity falls", "TU 10:00-11:00",
      "Slow, flowing Tai Chi in the park (indoors if wet). Good for balance, joints and calm.",
      venue="Millhouses Park Pavilion", cost="£3 per class"),
    L("Parson Cross Seated Exercise", "parsoncross", "physical-activity", "FR 10:30-11:30",
      "Fun seated exercise to music for people who find standing classes hard.",
      venue="Parson Cross Tenants Hall", cost="£1.50 per class"),
    L("Dore Sunday Nordic Walking", "dore", "physical-activity loneliness", "SU 10:00-12:00",
      "A Sunday morning walk with poles on gentle paths. Poles can be borrowed.",
      venue="Dore Village Green", cost="£2 per walk"),
    L("Crosspool Over-60s Swim and Social", "crosspool", "physical-activity loneliness",
      "WE 09:00-10:30", "A quiet swim session for older people followed by coffee together.",
      venue="Crosspool Pool", cost="£3.20 per swim", ages=(60, None)),
    L("Woodhouse Evening Walking Netball", "woodhouse", "physical-activity", "TH 18:30-19:30",
      "Walking netball for women of any age and fitness. An easy way back into sport.",
      venue="Woodhouse School Sports Hall", cost="£3 per session"),
    # Gardening and allotments
    L("Meersbrook Community Allotment", "meersbrook", "gardening loneliness",
      "WE 10:00-13:00|SA 10:00-13:00", "A shared allotment where you can dig, sow and "
      "harvest with others. Raised beds for people who cannot kneel.",
      venue="Meersbrook Allotments"),
    L("Burngreave Community Garden", "burngreave", "gardening faith-culture",
      "TU 10:00-14:00|SA 10:00-14:00", "Grow vegetables and herbs from around the world in a "
      "friendly community garden. Everyone welcome, whatever your experience.",
      venue="Burngreave Community Garden"),
    L("Totley Garden Helpers", "totley", "gardening home-repairs",
      "MO,TU,WE,TH,FR 09:00-16:00", "Volunteers mow lawns, cut hedges and tidy gardens for "
      "older and disabled people who cannot manage them any more.", venue="Totley Rise Hall",
      area="S7, S11 and S17", cost="£10 per visit", mobile=True),
    L("Shiregreen Growing Together", "shiregreen", "gardening mental-wellbeing",
      "TH 10:00-13:00", "Gardening sessions for wellbeing, with tea round the fire pit. Tools "
      "and gloves provided.", venue="Shiregreen Community Garden"),
    # Men's sheds
    L("Woodseats Men's Shed", "woodseats", "mens-sheds loneliness", "TU,TH 10:00-14:00",
      "A workshop where men make, mend and chat over a brew. Woodwork, repairs and plenty of "
      "banter.", venue="Woodseats Workshop Unit", cost="£2 per visit"),
    L("Stannington Men's Shed", "stannington", "mens-sheds loneliness",
      "WE 09:30-13:00|SA 09:30-13:00", "A friendly shed for men to share skills, fix things "
      "and make friends. Open Wednesday and Saturday mornings.",
      venue="Stannington Workshop Barn", cost="£2 per visit"),
    L("Darnall Men's Shed", "darnall", "mens-sheds loneliness", "MO,FR 10:00-15:00",
      "Woodwork, bike repairs and a good chat for men of all backgrounds.",
      venue="Darnall Workshop Unit", cost="£1 per visit"),
    L("High Green Evening Men's Shed", "highgreen", "mens-sheds loneliness", "TU 18:00-21:00",
      "An evening men's shed for men who work in the day or prefer evenings. Tools, projects "
      "and company.", venue="High Green Workshop Unit", cost="£2 per visit"),
    # Faith and cultural groups
    L("Pitsmoor Caribbean Elders Club", "pitsmoor", "faith-culture loneliness lunch-club",
      "WE 11:00-15:00", "Caribbean food, dominoes, music and good company for older people. "
      "A home from home for the Windrush generation and friends.",
      venue="Pitsmoor Adventure Hall", cost="£4 including lunch"),
    L("Burngreave Somali Elders Circle", "burngreave", "faith-culture loneliness",
      "SA 13:00-16:00", "A weekly meeting for Somali elders with tea, talks and advice. "
      "Held in Somali.", venue="Spital Hill Community Hall", langs=("Somali",)),
    L("City Chinese Elders Mahjong Club", "city", "faith-culture loneliness", "TH 13:00-16:00",
      "Mahjong, tea and Tai Chi for Chinese elders. Cantonese and Mandarin spoken.",
      venue="Chinese Community Rooms, London Road", area="Sheffield",
      langs=("Cantonese", "Mandarin")),
    L("Tinsley Yemeni Elders Group", "tinsley", "faith-culture loneliness", "FR 14:00-17:00",
      "A social group for Yemeni and Arabic-speaking elders with advice sessions.",
      venue="Tinsley Community Rooms", langs=("Arabic",)),
    L("St Aidan's Tuesday Fellowship", "gleadless", "faith-culture loneliness",
      "TU 14:00-16:00", "A church fellowship afternoon with hymns, tea and friendship. People "
      "of any faith or none are welcome.", venue="St Aidan's Church Hall"),
    L("Attercliffe Polish Seniors Club", "attercliffe", "faith-culture loneliness",
      "SU 15:00-17:00", "A Sunday afternoon club for Polish-speaking older people with coffee, "
      "cake and conversation.", venue="Attercliffe Activity Hub", langs=("Polish",)),
    L("Ecclesall Interfaith Friendship Circle", "ecclesall", "faith-culture loneliness",
      "SU 14:00-16:00", "A Sunday afternoon circle where people of different faiths share food "
      "and stories.", venue="Ecclesall Road Office", assured="2021-11-20"),
    # Scams
    L("Sheffield Scam Aware Sessions (sample)", "city", "scams", "TH 10:00-12:00",
      "Free talks on spotting scam calls, texts and doorstep cold callers. Bring any "
      "suspicious letters to check.", venue="Central Library Learning Room", area="Sheffield"),
    L("Hillsborough Doorstep Safety Talks", "hillsborough", "scams", "WE 14:00-15:00",
      "Learn how to say no to rogue traders and check who is at your door.",
      venue="Hillsborough Library Room"),
    L("Mosborough Call Blocker Help", "mosborough", "scams digital", "MO 10:00-12:00",
      "Help choosing and setting up a call blocker to stop nuisance and scam calls.",
      venue="Mosborough Library Room"),
    # Home repairs and handyperson
    L("Sheffield Handyperson Service (sample)", "city", "home-repairs falls",
      "MO,TU,WE,TH,FR 08:30-16:30", "A trusted handyperson for small jobs like fitting grab "
      "rails, key safes, smoke alarms and fixing dripping taps. Free labour for over-65s.",
      venue="Healthy Homes Office, Arundel Street", area="Sheffield",
      cost="Free labour for over-65s; you pay for materials", mobile=True),
    L("North Sheffield Small Repairs Volunteers", "ecclesfield", "home-repairs",
      "TU,WE,TH 09:00-15:00", "Retired tradespeople do small repairs around the home for "
      "older and disabled people.", venue="Ecclesfield Priory Rooms", area="S5, S6 and S35",
      mobile=True),
    L("Frecheville Grab Rail Fitting Service", "frecheville",
      "home-repairs daily-living falls", "MO,TU,WE,TH,FR 09:00-16:00",
      "We fit grab rails, stair rails and half steps to make your home safer.",
      venue="Frecheville Community Centre", area="S12, S13 and S20", cost="£15 per job",
      mobile=True),
    # Continence
    L("Sheffield Continence Advice Clinic (sample)", "norfolkpark", "continence",
      "TU,TH 09:00-12:30", "A nurse-led clinic for bladder and bowel problems. Private, "
      "friendly advice on pads, products and exercises.", venue="Norfolk Park Health Rooms",
      area="Sheffield"),
    L("Hillsborough Bladder and Bowel Drop-in", "hillsborough", "continence",
      "FR 13:00-15:00", "A confidential drop-in about leaks and accidents, with samples of "
      "products to try.", venue="Hillsborough Health Rooms"),
    L("Beighton Continence Product Advice", "beighton", "continence daily-living",
      "SA 10:00-12:00", "Saturday advice on choosing continence products and getting them on "
      "prescription.", venue="Beighton Health Rooms"),
    # Stroke
    L("Norton Stroke Survivors Club", "norton", "stroke loneliness", "WE 13:30-15:30",
      "A friendly club for people who have had a stroke and their families. Speakers, games "
      "and support.", venue="Norton Church Rooms"),
    L("Sharrow Stroke Recovery Exercise", "sharrow", "stroke physical-activity",
      "MO 11:00-12:00", "Adapted exercise for people recovering from a stroke, led by a "
      "trained instructor.", venue="Sharrow Community Forum Hall", cost="£3 per class"),
    L("Broomhill Aphasia Conversation Cafe", "broomhill", "stroke", "TH 10:30-12:00",
      "A conversation cafe for people with speech and language difficulties after a stroke. "
      "Take your time in a patient, friendly group.", venue="Broomhill Library Room"),
    # Parkinson's
    L("Ecclesall Parkinson's Social Group", "ecclesall", "parkinsons loneliness",
      "TU 14:00-16:00", "A social group for people with Parkinson's and their families. "
      "Talks, outings and a good natter.", venue="Ecclesall Road Office"),
    L("Attercliffe Parkinson's Exercise Class", "attercliffe", "parkinsons physical-activity",
      "FR 11:00-12:00", "Exercise designed for people with Parkinson's to help movement and "
      "balance.", venue="Attercliffe Activity Hub", cost="£3 per class"),
    L("Chapeltown Parkinson's Partners Evening", "chapeltown", "parkinsons carers",
      "WE 18:30-20:00", "An evening group for partners and family carers of people with "
      "Parkinson's.", venue="Chapeltown Baptist Hall"),
    # General options
    L("North Sheffield Community Connectors", "firthpark", "general loneliness",
      "MO,TU,WE,TH,FR 09:00-17:00", "A community connector listens to what matters to you and "
      "helps you find local groups, services and support.", venue="Firth Park Pavilion",
      area="S3, S4, S5, S6 and S35"),
    L("South Sheffield Community Connectors", "woodseats", "general loneliness",
      "MO,TU,WE,TH,FR 09:00-17:00", "A community connector listens to what matters to you and "
      "helps you find local groups, services and support.", venue="Chantrey Road Hall",
      area="S2, S7, S8, S11, S14 and S17"),
    L("East Sheffield Community Connectors", "handsworth", "general loneliness",
      "MO,TU,WE,TH,FR 09:00-17:00", "A community connector listens to what matters to you and "
      "helps you find local groups, services and support.", venue="Handsworth Parish Centre",
      area="S9, S12, S13 and S20"),
]

ALL_WEEK = "MO,TU,WE,TH,FR,SA,SU 00:00-23:59"
WEEKDAYS = "MO,TU,WE,TH,FR"
N = National
NATIONAL: list[National] = [
    N("Sheffield City Council First Contact (sample)", "Sheffield City Council (sample)",
      "The council's adult social care front door. This sample record uses a made-up number.",
      "general carers daily-living hospital-discharge", f"{WEEKDAYS} 08:45-17:00",
      "The council's adult social care team for advice, a care needs assessment or a carer's "
      "assessment. Call if you are not sure where to start. Sample data: the phone number is "
      "made up.", "0114 496 0000", "https://www.sheffield.gov.uk/",
      area="Sheffield"),
    N("Samaritans", "Samaritans", "A charity offering emotional support to anyone who is "
      "struggling.", "mental-wellbeing loneliness", ALL_WEEK,
      "Talk to someone any time of day or night, about anything that is troubling you. Calls "
      "are free and you do not have to be suicidal to call.", "116 123",
      "https://www.samaritans.org/how-we-can-help/contact-samaritan/", ages=(None, None)),
    N("The Silver Line", "Age UK", "A national charity for older people.", "loneliness",
      ALL_WEEK, "A free, confidential helpline for older people, open day and night, every day "
      "of the year. Ring for a friendly chat or if you feel lonely.", "0800 4 70 80 90",
      "https://www.thesilverline.org.uk/", ages=(55, None)),
    N("Age UK Advice Line", "Age UK", "A national charity for older people.",
      "general money carers", "MO,TU,WE,TH,FR,SA,SU 08:00-19:00",
      "Free, confidential advice for older people, their families, friends and carers on "
      "money, care, housing and much more. Open every day of the year.", "0800 678 1602",
      "https://www.ageuk.org.uk/services/age-uk-advice-line/", area="England",
      ages=(None, None)),
    N("Carers UK Helpline", "Carers UK", "A national charity for unpaid carers.",
      "carers money", f"{WEEKDAYS} 09:00-18:00",
      "Advice for unpaid carers on benefits, carer's assessments and your rights. You can "
      "also email the helpline.", "0808 808 7777", "https://www.carersuk.org/",
      ages=(None, None)),
    N("Alzheimer's Society Dementia Support Line", "Alzheimer's Society",
      "A national charity for people affected by dementia.", "dementia carers",
      "MO,TU,WE 09:00-20:00|TH,FR 09:00-17:00|SA,SU 10:00-16:00",
      "Dementia advisers give information, advice and support to anyone affected by dementia. "
      "Call about memory worries, a new diagnosis or caring for someone.", "0333 150 3456",
      "https://www.alzheimers.org.uk/get-support/dementia-support-line", area="England, Wales "
      "and Northern Ireland", ages=(None, None)),
    N("Dementia UK Admiral Nurse Dementia Helpline", "Dementia UK",
      "A national charity providing specialist dementia nurses.", "dementia carers",
      f"{WEEKDAYS} 09:00-21:00|SA,SU 09:00-17:00",
      "Specialist dementia nurses give advice and emotional support to families. Evenings and "
      "weekends too.", "0800 888 6678", "https://www.dementiauk.org/",
      ages=(None, None)),
    N("National Domestic Abuse Helpline", "Refuge", "A national charity supporting women and "
      "children experiencing domestic abuse.", "domestic-abuse", ALL_WEEK,
      "Free, confidential support 24 hours a day for anyone experiencing domestic abuse, and "
      "for friends and family worried about someone.", "0808 2000 247",
      "https://www.nationaldahelpline.org.uk/", area="England", ages=(None, None)),
    N("Men's Advice Line", "Respect", "A national charity working on domestic abuse.",
      "domestic-abuse", "MO,WE 09:00-20:00|TU,TH,FR 09:00-17:00",
      "Confidential advice and support for men experiencing domestic abuse from a partner, ex "
      "or family member.", "0808 8010 327", "https://mensadviceline.org.uk/"),
    N("Cruse Bereavement Support Helpline", "Cruse Bereavement Support",
      "A national charity for people who are grieving.", "bereavement",
      "MO,FR 09:30-17:00|TU,WE,TH 09:30-20:00|SA,SU 10:00-14:00",
      "Free support from trained volunteers for anyone grieving, however long ago the death "
      "was.", "0808 808 1677", "https://www.cruse.org.uk/get-support/helpline/",
      ages=(None, None)),
    N("Mind Infoline", "Mind", "A national mental health charity.", "mental-wellbeing",
      f"{WEEKDAYS} 09:00-18:00", "Information about mental health problems, treatment and "
      "where to get help near you.", "0300 102 1234",
      "https://www.mind.org.uk/information-support/helplines/", area="England and Wales",
      ages=(None, None)),
    N("Citizens Advice Adviceline", "Citizens Advice", "A national network of charities "
      "giving free, independent advice.", "general money", f"{WEEKDAYS} 09:00-17:00",
      "Free, confidential advice on benefits, debt, housing, work and consumer problems.",
      "0800 144 8848", "https://www.citizensadvice.org.uk/",
      area="England", ages=(None, None)),
    N("Action Fraud", "Action Fraud", "The UK's national reporting centre for fraud and cyber "
      "crime.", "scams", f"{WEEKDAYS} 08:00-20:00",
      "Report a scam or fraud and get advice on what to do next. If someone is at your door "
      "or you are in danger, call 999.", "0300 123 2040",
      "https://www.actionfraud.police.uk/", area="England, Wales and Northern Ireland",
      ages=(None, None)),
    N("Citizens Advice Consumer Helpline", "Citizens Advice", "A national network of "
      "charities giving free, independent advice.", "scams", f"{WEEKDAYS} 09:00-17:00",
      "Advice if you have been scammed or have a problem with something you bought. They pass "
      "reports to Trading Standards.", "0808 223 1133",
      "https://www.citizensadvice.org.uk/consumer/", area="England, Scotland and Wales",
      ages=(None, None)),
    N("RNIB Helpline", "RNIB", "A national charity for blind and partially sighted people.",
      "sight-loss", f"{WEEKDAYS} 08:00-20:00|SA 09:00-13:00",
      "Advice and support for anyone with sight loss and their families, from equipment to "
      "benefits and emotional support.", "0303 123 9999",
      "https://www.rnib.org.uk/", ages=(None, None)),
    N("RNID Contact", "RNID", "A national charity for people who are deaf, have hearing loss "
      "or tinnitus.", "hearing-loss", f"{WEEKDAYS} 09:00-17:00",
      "Free information and advice on hearing loss, hearing aids and tinnitus. You can also "
      "get in touch by text, email or relay.", "0808 808 0123",
      "https://rnid.org.uk/", ages=(None, None)),
    N("Shout 85258", "Mental Health Innovations", "A charity running a free text support "
      "service.", "mental-wellbeing", ALL_WEEK,
      "A free, confidential text service for anyone struggling to cope, any time of day or "
      "night. Text SHOUT to 85258.", "85258", "https://giveusashout.org/",
      phone_note="Text SHOUT to 85258", ages=(None, None)),
    N("Turn2us Benefits Calculator", "Turn2us", "A national charity helping people in "
      "financial hardship.", "money warmth", ALL_WEEK,
      "An online calculator that shows which benefits you might be able to get, plus a search "
      "for charity grants. Online only.", "", "https://www.turn2us.org.uk/",
      ages=(None, None)),
    N("Independent Age Helpline", "Independent Age", "A national charity for older people "
      "facing financial hardship.", "general money loneliness", f"{WEEKDAYS} 08:00-18:00",
      "Free advice for older people and their families on money, benefits, care and "
      "loneliness.", "0800 319 6789", "https://www.independentage.org/",
      ages=(None, None)),
    N("Parkinson's UK Helpline", "Parkinson's UK", "A national charity for people affected "
      "by Parkinson's.", "parkinsons", f"{WEEKDAYS} 09:00-18:00|SA 10:00-14:00",
      "Specialist nurses and advisers answer questions about Parkinson's, medicines, money and "
      "caring.", "0808 800 0303", "https://www.parkinsons.org.uk/", ages=(None, None)),
    N("Stroke Association Helpline", "Stroke Association", "A national charity for people "
      "affected by stroke.", "stroke", f"{WEEKDAYS} 09:00-17:00",
      "Information and support for stroke survivors, families and carers.", "0303 3033 100",
      "https://www.stroke.org.uk/", ages=(None, None)),
    N("Mencap Learning Disability Helpline", "Mencap", "A national charity for people with a "
      "learning disability.", "learning-disability advocacy", f"{WEEKDAYS} 09:00-17:00",
      "Advice for people with a learning disability and their families on care, benefits and "
      "rights.", "0808 808 1111", "https://www.mencap.org.uk/", area="England and Wales",
      ages=(None, None)),
    N("StepChange Debt Charity", "StepChange", "A national debt advice charity.", "money",
      f"{WEEKDAYS} 08:00-20:00|SA 08:00-16:00",
      "Free debt advice and help to set up a plan you can afford. Advice online or by phone.",
      "0800 138 1111", "https://www.stepchange.org/"),
    N("Simple Energy Advice", "Simple Energy Advice", "A government-backed energy advice "
      "service.", "warmth", ALL_WEEK,
      "Free advice on saving energy and on grants to make your home warmer. Online only in "
      "this sample.", "",
      "https://www.simpleenergyadvice.org.uk/", area="England and Wales", ages=(None, None)),
    N("Hourglass Helpline", "Hourglass", "A national charity working to end the abuse and "
      "neglect of older people.", "domestic-abuse scams", ALL_WEEK,
      "Confidential support if an older person is being harmed, neglected or exploited, "
      "including financial abuse by family or carers.", "0808 808 8141",
      "https://wearehourglass.org/", ages=(None, None)),
    N("CALM Helpline", "Campaign Against Living Miserably (CALM)", "A charity against "
      "suicide.", "mental-wellbeing", "MO,TU,WE,TH,FR,SA,SU 17:00-23:59",
      "A free, confidential helpline and webchat for anyone who is struggling or needs to "
      "talk. Open every evening from 5pm to midnight.", "0800 58 58 58",
      "https://www.thecalmzone.net/", ages=(None, None)),
    N("Marie Curie Support Line", "Marie Curie", "A national end of life charity.",
      "bereavement carers", f"{WEEKDAYS} 08:00-18:00|SA 11:00-17:00",
      "Support for anyone living with a terminal illness, their families and people who are "
      "bereaved.", "0800 090 2309", "https://www.mariecurie.org.uk/",
      ages=(None, None)),
    N("Childline", "NSPCC", "A national children's charity.", "young-carers", ALL_WEEK,
      "Free, private support for children and young people up to 19, any time. Young carers "
      "can call about anything that is worrying them.", "0800 1111",
      "https://www.childline.org.uk/", ages=(None, 18)),
    N("Carers Trust Young Carers Information", "Carers Trust", "A national charity for "
      "unpaid carers.", "young-carers carers", ALL_WEEK,
      "Online information and advice for young carers and young adult carers, including how "
      "to find a local young carers service. Online only.", "",
      "https://carers.org/", ages=(8, 25)),
    N("Hoarding UK", "Hoarding UK", "A national charity for people affected by hoarding.",
      "hoarding", ALL_WEEK, "Online information, peer support groups and advice for people "
      "who hoard and their families. Online only.", "", "https://hoardinguk.org/",
      ages=(None, None)),
    N("National Autistic Society Advice", "National Autistic Society", "A national charity "
      "for autistic people and their families.", "autism", ALL_WEEK,
      "Online advice and guides for autistic adults and families on diagnosis, support and "
      "rights. Online only.", "", "https://www.autism.org.uk/",
      ages=(None, None)),
    N("NHS Advice on Falls", "NHS", "The National Health Service.", "falls", ALL_WEEK,
      "Simple advice on preventing falls and what to do if you fall. In an emergency call "
      "999. Online only.", "", "https://www.nhs.uk/conditions/falls/", area="England",
      ages=(None, None)),
    N("NHS Advice on Bladder Weakness", "NHS", "The National Health Service.", "continence",
      ALL_WEEK, "Clear advice on urinary incontinence, self-help and the treatment your GP "
      "can offer. Online only.", "", "https://www.nhs.uk/conditions/urinary-incontinence/",
      area="England", ages=(None, None)),
    N("AbilityNet Tech Support", "AbilityNet", "A charity helping older and disabled people "
      "use technology.", "digital", ALL_WEEK,
      "Free help from volunteers with computers, tablets and phones, by phone or at home. "
      "Arrange help through the website.", "", "https://abilitynet.org.uk/free-tech-support"),
]
# fmt: on


def uid(*parts: str) -> str:
    """A stable UUID for a sub-record, derived from its owner and role."""
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def load_postcodes(path: Path) -> dict[str, list[tuple[str, float, float]]]:
    """Postcodes with a real location, grouped by district (outward code)."""
    by_district: dict[str, list[tuple[str, float, float]]] = {}
    with path.open(newline="") as handle:
        for row in csv.DictReader(handle):
            if not row["lat"] or not row["long"]:
                continue  # a handful of rows have no location at all
            lat, lon = float(row["lat"]), float(row["long"])
            if lat > 90 or lon == 0:  # 99.999999 marks a postcode with no location
                continue
            code = row["Postcode"]
            by_district.setdefault(code.split()[0], []).append((code, lat, lon))
    return by_district


def metres(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat = math.radians(lat2 - lat1)
    dlon = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6_371_000 * math.hypot(dlat, dlon)


def pick_postcode(
    postcodes: dict[str, list[tuple[str, float, float]]], anchor: str, used: set[str]
) -> tuple[str, float, float]:
    """The nearest unused real postcode in the anchor's district."""
    district, lat, lon, _ = ANCHORS[anchor]
    candidates = sorted(postcodes[district], key=lambda p: metres(lat, lon, p[1], p[2]))
    for candidate in candidates:
        if candidate[0] not in used:
            used.add(candidate[0])
            return candidate
    raise ValueError(f"no postcode left in {district}")


def clock(hhmm: str) -> str:
    if hhmm == "23:59":
        return "midnight"
    hours, minutes = (int(part) for part in hhmm.split(":"))
    suffix = "am" if hours < 12 else "pm"
    shown = hours % 12 or 12
    return f"{shown}{suffix}" if minutes == 0 else f"{shown}:{minutes:02d}{suffix}"


def days_phrase(days: list[str]) -> str:
    if len(days) == 7:
        return "Every day"
    if days == DAYS[:5]:
        return "Monday to Friday"
    if days == DAYS[:6]:
        return "Monday to Saturday"
    names = [DAY_NAMES[day] + "s" for day in days]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def schedules(owner: str, when: str) -> list[dict[str, Any]]:
    result = []
    for index, part in enumerate(when.split("|")):
        byday, hours = part.split()
        opens, closes = hours.split("-")
        days = byday.split(",")
        if opens == "00:00" and closes == "23:59":
            text = f"{days_phrase(days)}, 24 hours a day"
        else:
            text = f"{days_phrase(days)} {clock(opens)} to {clock(closes)}"
        result.append(
            {
                "id": uid(owner, "schedule", str(index)),
                "freq": "WEEKLY",
                "interval": 1,
                "byday": byday,
                "opens_at": f"{opens}:00",
                "closes_at": f"{closes}:00",
                "description": text,
            }
        )
    return result


def attributes(owner: str, needs: str) -> list[dict[str, Any]]:
    result = []
    for need in needs.split():
        term = f"need-{need}"
        name, description = NEEDS[term]
        result.append(
            {
                "id": uid(owner, "attribute", term),
                "taxonomy_term_id": term,
                "link_type": "need",
                "taxonomy_term": {
                    "id": term,
                    "code": term,
                    "name": name,
                    "description": description,
                    "taxonomy": VOCABULARY,
                    "taxonomy_id": VOCABULARY,
                    "vocabulary": VOCABULARY,
                },
            }
        )
    return result


def cost_options(owner: str, cost: str) -> list[dict[str, Any]]:
    option: dict[str, Any] = {"id": uid(owner, "cost"), "option": cost}
    if cost == "Free":
        option.update(amount=0, amount_description="Free of charge")
    elif cost.startswith("£") and " " in cost:
        amount, _, rest = cost[1:].partition(" ")
        try:
            option.update(amount=float(amount), amount_description=rest)
        except ValueError:
            option["amount_description"] = cost
    else:
        option["amount_description"] = cost
    return [option]


def languages(owner: str, names: tuple[str, ...]) -> list[dict[str, Any]]:
    codes = {
        "English": "en",
        "Urdu": "ur",
        "Punjabi": "pa",
        "Bengali": "bn",
        "Somali": "so",
        "Arabic": "ar",
        "Cantonese": "yue",
        "Mandarin": "cmn",
        "Polish": "pl",
        "British Sign Language": "bfi",
    }
    return [
        {"id": uid(owner, "language", name), "name": name, "code": codes[name]}
        for name in ("English", *names)
    ]


def ages(record: dict[str, Any], bounds: tuple[int | None, int | None]) -> None:
    if bounds[0] is not None:
        record["minimum_age"] = bounds[0]
    if bounds[1] is not None:
        record["maximum_age"] = bounds[1]


def local_record(
    number: int, spec: Local, phone: str, postcode: tuple[str, float, float]
) -> dict[str, Any]:
    sid = f"sample-svc-{number:03d}"
    district, _, _, place = ANCHORS[spec.anchor]
    org_name = spec.name.replace(" (sample)", "") + " (sample)"
    area = spec.area or f"{district} and nearby"
    code, lat, lon = postcode
    record: dict[str, Any] = {
        "id": sid,
        "name": spec.name,
        "description": f"{spec.text} {FICTIONAL}",
        "status": "active",
        "organization": {
            "id": uid("org", org_name),
            "name": org_name,
            "description": f"A fictional community organisation in {place}, Sheffield, made "
            "up for the sample directory.",
        },
        "phones": [{"id": uid(sid, "phone"), "number": phone}],
        "schedules": schedules(sid, spec.when),
        "service_areas": [
            {"id": uid(sid, "area"), "name": area, "description": area, "service_area": area}
        ],
        "service_at_locations": [
            {
                "id": uid(sid, "service_at_location"),
                "location": {
                    "id": uid("location", spec.venue, code),
                    "name": spec.venue,
                    "location_type": "physical",
                    "latitude": lat,
                    "longitude": lon,
                    "addresses": [
                        {
                            "id": uid("address", spec.venue, code),
                            "address_1": f"{spec.venue}, {place}",
                            "city": "Sheffield",
                            "state_province": "South Yorkshire",
                            "postal_code": code,
                            "country": "GB",
                            "address_type": "physical",
                        }
                    ],
                },
            }
        ],
        "attributes": attributes(sid, spec.needs),
        "cost_options": cost_options(sid, spec.cost),
        "assured_date": spec.assured,
        "last_modified": f"{spec.assured}T09:00:00Z",
    }
    ages(record, spec.ages)
    if spec.langs:
        record["languages"] = languages(sid, spec.langs)
    return record


def national_record(number: int, spec: National) -> dict[str, Any]:
    sid = f"sample-svc-{number:03d}"
    record: dict[str, Any] = {
        "id": sid,
        "name": spec.name,
        "description": spec.text,
        "url": spec.url,
        "status": "active",
        "organization": {
            "id": uid("org", spec.org),
            "name": spec.org,
            "description": spec.org_text,
        },
        "phones": [],
        "schedules": schedules(sid, spec.when),
        "service_areas": [
            {
                "id": uid(sid, "area"),
                "name": spec.area,
                "description": spec.area,
                "service_area": spec.area,
            }
        ],
        "service_at_locations": [],
        "attributes": attributes(sid, spec.needs),
        "cost_options": cost_options(sid, "Free"),
        "assured_date": spec.assured,
        "last_modified": f"{spec.assured}T09:00:00Z",
    }
    if spec.phone:
        phone: dict[str, Any] = {"id": uid(sid, "phone"), "number": spec.phone}
        if spec.phone_note:
            phone["description"] = spec.phone_note
        record["phones"] = [phone]
    ages(record, spec.ages)
    return record


def build() -> list[dict[str, Any]]:
    postcodes = load_postcodes(POSTCODES)
    used: set[str] = set()
    venues: dict[tuple[str, str], tuple[str, float, float]] = {}
    records = [national_record(number, spec) for number, spec in enumerate(NATIONAL, start=1)]
    landline, mobile = 100, 100
    for spec in LOCAL:
        if spec.mobile:
            phone = f"07700 900{mobile:03d}"
            mobile += 1
        else:
            phone = f"0114 496 0{landline:03d}"
            landline += 1
        # Services sharing a venue share its postcode, so a venue is in one place only.
        venue = (spec.anchor, spec.venue)
        if venue not in venues:
            venues[venue] = pick_postcode(postcodes, spec.anchor, used)
        postcode = venues[venue]
        records.append(local_record(len(records) + 1, spec, phone, postcode))
    return records


def main() -> None:
    records = build()
    OUTPUT.write_text(json.dumps(records, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
