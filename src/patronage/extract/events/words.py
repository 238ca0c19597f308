"""Word lists the sense checks share: things, ideas, records, blame and praise, and the words of physical
violence."""

from __future__ import annotations

__all__ = ["ABSTRACT", "BLAME", "EASING", "OUTLETS", "PRAISE", "RECORDS", "THINGS", "VIOLENCE"]

#: heads of phrases that name things, never agents: what cannot release, meet or attack anyone
THINGS = frozenset(
    {
        "survey", "poll", "study", "move", "decision", "law", "bill", "rule", "policy", "plan",
        "measure", "sanction", "tariff", "deal", "agreement", "outcome", "change", "video", "data",
        "figure", "economy", "market", "price", "crisis", "scandal", "problem", "issue", "situation",
        "development", "process", "system", "program", "programme", "effort", "step", "trend",
        "growth", "rate", "cost", "tax", "money", "budget", "weather", "virus", "pandemic",
        "disease", "storm", "book", "film", "movie", "song", "album", "idea", "proposal", "reform",
        "legislation", "order", "ruling", "finding", "evidence", "question", "debate", "fight",
        "war", "conflict", "violence", "attack", "election", "vote", "result", "number", "level",
        "review", "report", "investigation", "inquiry", "probe", "audit", "analysis", "assessment",
        "support", "criticism", "backing", "conduct", "behavior", "behaviour",
        "performance", "fire", "blaze", "wildfire", "hurricane", "flood", "flooding", "earthquake",
        "quake", "tornado", "drought", "heatwave", "inequality",
    }
)  # fmt: skip
#: what a verbal attack goes at: words, ideas, records, reputations (never a place or a body)
ABSTRACT = frozenset(
    {
        "credibility", "way", "plan", "policy", "idea", "record", "remark", "comment", "statement",
        "bill", "law", "proposal", "decision", "report", "claim", "reputation", "integrity",
        "character", "agenda", "economy", "system", "process", "rule", "deal", "budget", "tax",
        "overreach", "over-reach", "handling", "stance", "view", "approach", "strategy",
        "leadership", "judgment", "judgement", "motive", "competence", "honesty", "rhetoric",
        "message", "speech", "tweet", "question", "problem", "issue", "scene", "debate", "argument",
        "press", "media", "medium", "administration's", "legacy", "response", "reaction",
        "relation", "relationship", "tie", "chance", "prospect", "image", "standing", "trust",
        "confidence", "morale", "hope", "cause", "prestige", "influence", "authority", "interest",
        "power", "privilege", "overtime", "pay", "money", "fund", "controversy", "speculation", "doubt",
        "suspicion",
    }
)  # fmt: skip
#: records and media one releases, publishes or shares: never prisoners set free
RECORDS = frozenset(
    {
        "video", "footage", "image", "photo", "photograph", "picture", "document", "email",
        "message", "file", "transcript", "memo", "letter", "note", "text", "tape", "recording",
        "audio", "information", "detail", "list", "name", "version", "copy", "update", "guidance",
        "guideline", "record", "report", "statement", "survey", "poll", "study", "data",
        "result", "book", "album", "film", "plan", "budget", "proposal", "draft", "analysis",
        "estimate", "forecast", "figure", "number", "finding", "evidence", "summary", "model", "software",
        "app", "product",
    }
)  # fmt: skip
#: words of a clause that make "attack" physical: weapons, casualties, force
VIOLENCE = frozenset(
    {
        "kill", "killing", "dead", "death", "wound", "injure", "injury", "shoot", "shot", "gun",
        "gunfire", "bomb", "bombing", "missile", "rocket", "airstrike", "strike", "troop", "soldier",
        "army", "military", "knife", "stab", "explosion", "explosive", "blast", "fire", "artillery",
        "shell", "police", "weapon", "grenade", "drone", "tank", "raid", "militant", "terrorist",
        "gunman", "assailant", "attacker", "bomber", "insurgent", "rebel", "mob", "injured", "wounded",
    }
)  # fmt: skip
#: what calling someone something says of them: blame ("called him a liar") ...
BLAME = frozenset(
    {
        "liar", "loser", "criminal", "crook", "traitor", "racist", "fascist", "bigot", "thug", "fraud",
        "hypocrite", "coward", "idiot", "fool", "clown", "disgrace", "disaster", "failure", "threat",
        "danger", "terrorist", "dictator", "tyrant", "murderer", "killer", "rapist", "extremist", "puppet",
        "gimmick", "hoax", "sham", "farce", "joke", "lie", "scam", "stunt", "witch", "coup", "mistake",
        "confused", "dangerous", "disgraceful", "unacceptable", "outrageous", "shameful", "ridiculous",
        "absurd", "reckless", "irresponsible", "illegal", "unconstitutional", "unlawful", "corrupt",
        "dishonest", "incompetent", "weak", "pathetic", "crazy", "insane", "stupid", "dumb", "wrong",
        "false", "fake", "misleading", "offensive", "appalling", "deplorable", "despicable", "disgusting",
        "horrific", "terrible", "horrible", "awful", "bad", "unfair", "unjust", "cruel", "inhumane",
        "sexist", "hateful", "divisive", "destructive", "hostile", "aggressive", "provocative",
        "unhinged", "erratic", "unfit", "unworthy", "un-american", "unpatriotic", "treasonous", "evil",
        "nonsense", "rubbish", "ludicrous", "laughable", "baseless", "slanderous", "defamatory",
        "responsible", "guilty", "complicit", "culpable", "ineffective", "expensive", "wasteful", "costly",
        "unworkable", "useless", "counterproductive", "flawed", "misguided", "unrealistic", "outdated",
        "short-sighted", "shortsighted", "harmful", "inadequate", "unnecessary",
    }
)  # fmt: skip
#: ... or praise
PRAISE = frozenset(
    {
        "friend", "ally", "hero", "partner", "leader", "patriot", "champion", "visionary", "statesman",
        "success", "triumph", "breakthrough", "victory", "great", "brilliant", "excellent", "outstanding",
        "courageous", "brave", "wise", "honest", "historic", "remarkable", "extraordinary", "wonderful",
        "fantastic", "tremendous", "terrific", "smart", "strong", "decent", "good", "important",
    }
)  # fmt: skip

#: news outlets named as such, by their last word ("told NPR", "spoke to CNN", "on Fox News")
OUTLETS = frozenset(
    {"npr", "cnn", "msnbc", "fox", "bbc", "reuters", "ap", "afp", "axios", "politico", "nbc", "abc", "cbs",
     "pbs", "bloomberg", "times", "post", "journal", "guardian", "telegraph", "independent", "economist",
     "news"}
)  # fmt: skip

#: verbs that lift a penalty ("lifted sanctions", "eased the embargo")
EASING = frozenset(
    {"lift", "ease", "end", "remove", "suspend", "halt", "relax", "waive", "drop", "loosen", "scrap", "rescind",
     "revoke", "unfreeze", "repeal", "withdraw", "roll"}
)  # fmt: skip
