from __future__ import annotations

import pytest

from patronage.clean.boilerplate import (
    filter_lines,
    is_boilerplate,
    is_furniture,
    strip_glued_prefix,
    strip_inline,
)


@pytest.mark.parametrize(
    "line",
    [
        "Click here to continue reading…",
        "Exit mobile version",
        "The New York Times",
        "Reuters",
        "Dela.",
        "Share this article",
        "Subscribe to our newsletter",
        "Advertisement",
        "© 2024 Example Media. All rights reserved.",
        "Follow us on Twitter",
        "By Jane Doe and John Roe",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


def test_glued_prefix_is_removed() -> None:
    assert strip_glued_prefix("Exit mobile versionLeaders Meet in Sochi") == "Leaders Meet in Sochi"
    kept, removed = filter_lines(
        ["Exit mobile versionLeaders Meet in Sochi", "", "Body.", "Click here to continue reading…"]
    )
    # the page's copy of its headline is a heading over the text: removed too, and recorded
    assert kept == ["", "Body."]
    assert removed == ["Exit mobile version", "Leaders Meet in Sochi", "Click here to continue reading…"]


# Page furniture as it appears in ../shared/corpora (AllSides, BBC): one invented line per pattern
# family, never a copied article line.
FURNITURE = [
    ("photo credit alone", "Jane Roe/Reuters"),
    ("photo credit, file photo", "Sam Poe/File Photo"),
    ("credit with two agencies", "Kim Doe/AFP/Getty Images"),
    ("caption with (Photo: …)", "The minister arrives at the summit on May 2, 2019. (Photo: Sam Poe, AP)"),
    ("caption with (Photo by …)", "Crowds gather in the square. (Photo by Sam Poe/Getty Images)"),
    ("caption ending in a credit", "The senator at Tuesday's hearing. Sam Poe/Getty Images"),
    ("toggle caption", "Enlarge this image toggle caption Sam Poe/AP Sam Poe/AP"),
    (
        "photo gallery, long",
        "Photos: The mayor's career The mayor speaks at a rally in May. "
        + "She greets supporters with her husband after a vote. Hide Caption 1 of 9 Photos: The mayor's career "
        * 8
        + "Hide Caption 9 of 9",
    ),
    (
        "photo gallery, one caption a line",
        "The senator waves from the stage. Hide Caption 3 of 6 Photos: Who's running?",
    ),
    ("image copyright", "Image copyright Reuters Image caption The envoy left on Monday"),
    (
        "share bar caption",
        "Facebook Twitter Pinterest The minister arrives for talks in Brussels on Tuesday. Photograph: Jane Roe/Reuters",
    ),
    (
        "caption with credit",
        "Protesters outside the parliament in 2019. Photograph: Sam Poe/AFP/Getty Images",
    ),
    ("caption, outlet credit", "A voter leaves the polling station. Photograph: The Example Times"),
    (
        "illustration credit",
        "What the ruling means for the inquiry. Photo Illustration: Kim Doe/Example News.",
    ),
    ("story highlights", "Story highlights The governor urged lawmakers to act"),
    ("story continued", "Story Continued Below"),
    (
        "video widget",
        "JUST WATCHED Senate vote explained Replay More Videos ... MUST WATCH Senate vote 01:12",
    ),
    ("contributed", "Jane Roe in Tokyo contributed to this report."),
    ("contributed reporting", "Reporters Sam Poe and Kim Doe contributed reporting to this story."),
    ("contributed research", "Sam Poe and Kim Doe contributed research."),
    ("contributed alone", "Jonathan Easley contributed."),
    ("write to", "Write to Sam Poe at sam.poe@example.com and Kim Doe at kim.doe@example.com"),
    ("contributed, several", "Sam Poe, Kim Doe and Lee Roe in Seoul contributed."),
    ("agency credit line", "Reporting by Jane Roe in Kyiv; Editing by Sam Poe"),
    ("contributing line", "Contributing: Sam Poe and Kim Doe."),
    ("additional reporting line", "Additional reporting by Jane Roe in Kyiv"),
    ("assistance credit line", "With assistance by Kim Doe, Sam Poe and Jane Roe"),
    ("dashed credit line", "— With assistance by Kim Doe, Sam Poe, Lee Roe, Ann Poe, and Jane Roe"),
    ("click here", "Click here for reprint permission."),
    ("click here, caps", "CLICK HERE TO GET THE APP"),
    ("newsletter prompt", "Sign up for Daily Newsletters Manage Newsletters"),
    ("inbox prompt", "Get the stories you care about delivered to your inbox."),
    ("download prompt", "Download the Example News app for full coverage"),
    ("related link", "RELATED: A Summit That Changed Nothing"),
    ("see also link", "SEE ALSO: Senators weigh a new bill"),
    ("watch link", "WATCH: The envoy speaks to reporters"),
    ("related headline in capitals", "ENVOY SAYS TALKS WILL RESUME NEXT WEEK"),
    ("embedded tweet", "We will not back down. — Jane Roe (@janeroe) March 3, 2019"),
    ("tweet with picture", "Great meeting today pic.twitter.com/AbC123"),
    ("bare URL", "https://example.org/news/2019/03/summit"),
    ("bare www", "www.example.org"),
    ("numbers only", "190409123038460"),
    ("media playback", "Media playback is unsupported on your device"),
]


@pytest.mark.parametrize(("family", "line"), FURNITURE)
def test_furniture_lines(family: str, line: str) -> None:
    assert is_furniture(line) or is_boilerplate(line), family


@pytest.mark.parametrize(
    "line",
    [
        "The president said he would share intelligence with Kyiv.",
        "By the end of the year, the army had withdrawn from the city and the talks had resumed.",
        "Reuters reported that the talks had stalled.",
        "",
        "Russia has sheltered the former president since 2014, officials said.",
        "The photo showed the two leaders shaking hands in Moscow.",
        "She said the report, which she contributed to, was fair.",
        "Reporting by the state broadcaster was banned after the coup.",
        "Contributing to the debate, the minister said the talks had failed.",
        "Editing by the censors left the report unreadable.",
        "Allies contributed research funding and troops to the mission.",
        "The European Union contributed.",
        "Write to your senator at once, the activists urged.",
        "The US and Britain (and later France) imposed sanctions on the regime.",
        "- Russia expelled 23 British diplomats",
        "The agency's photograph: a grainy image of the launch site, released on Monday.",
        "He said the Photograph: section of the form was left blank.",
    ],
)
def test_article_lines_are_kept(line: str) -> None:
    assert not is_boilerplate(line) and not is_furniture(line)


def test_subheadings_go_only_above_text() -> None:
    kept, removed = filter_lines(["The talks resumed on Monday.", "", "Attacks on the envoy", "", "He left."])
    assert kept == ["The talks resumed on Monday.", "", "", "He left."] and removed == [
        "Attacks on the envoy"
    ]
    # inside a paragraph, a short line is a sentence cut by a line break
    assert filter_lines(["Russia sent humanitarian aid", "The convoy left."])[1] == []
    # a title alone, a list item and speech cut by a line break are no headings
    assert filter_lines(["Leaders Meet in Sochi"]) == (["Leaders Meet in Sochi"], [])
    lines = ["“We are delighted,” said the", "minister on Monday.", "1) Sanctions on banks", "End."]
    assert filter_lines(lines)[0] == lines


@pytest.mark.parametrize(
    ("line", "kept", "card"),
    [
        (
            "Sen. Jane Roe Jane Mary RoeSenate passes bill Roe says talks failed MORE (D-Ore.) said no.",
            "Sen. Jane Roe (D-Ore.) said no.",
            "Jane Mary RoeSenate passes bill Roe says talks failed MORE",
        ),
        (
            "President Poe Samuel Adam PoePoe faces vote Budget deal collapses MORE’s plan failed.",
            "President Poe’s plan failed.",
            "Samuel Adam PoePoe faces vote Budget deal collapses MORE",
        ),
        (
            "Rep. Kim Doe Kim Doe2020 hopefuls gather in Iowa MORE, a Democrat, spoke.",
            "Rep. Kim Doe, a Democrat, spoke.",
            "Kim Doe2020 hopefuls gather in Iowa MORE",
        ),
        # the headline after a space; a name glued to a name that starts "Mc"; the text's name
        # glued to the card's; a card of many headlines
        (
            "Speaker Tom Poe Tom Ellis Poe Voters reject tax plan Poll shows tie MORE (R-Ind.) spoke.",
            "Speaker Tom Poe (R-Ind.) spoke.",
            "Tom Ellis Poe Voters reject tax plan Poll shows tie MORE",
        ),
        (
            "Leader Ann Roe Ann (Annie) Beth RoeMcKay joins race Roe leads MORE (D-Ky.) said yes.",
            "Leader Ann Roe (D-Ky.) said yes.",
            "Ann (Annie) Beth RoeMcKay joins race Roe leads MORE",
        ),
        (
            "Reps. Ann Lee and Jo DoeJo DoeHouse passes bill MORE (Colo.) voted.",
            "Reps. Ann Lee and Jo Doe (Colo.) voted.",
            "Jo DoeHouse passes bill MORE",
        ),
        (
            "Sen. Anne Lee Anne Marie LeeMcAllister wins primary Budget talks stall in the Senate again | Budget talks stall in the Senate again | Budget talks stall in the Senate again | Budget talks stall in the Senate again | Budget talks stall in the Senate again | Budget talks stall in the Senate again | Budget talks stall in the Senate again | Budget talks stall in the Senate again | Budget talks stall in the Senate again | Budget talks stall in the Senate again MORE (D-Ore.) agreed.",
            "Sen. Anne Lee (D-Ore.) agreed.",
            "Anne Marie LeeMcAllister wins primary Budget talks stall in the Senate again | Budget talks stall in the Senate again | Budget talks stall in the Senate again | Budget talks stall in the Senate again | Budget talks stall in the Senate again | Budget talks stall in the Senate again | Budget talks stall in the Senate again | Budget talks stall in the Senate again | Budget talks stall in the Senate again | Budget talks stall in the Senate again MORE",
        ),
    ],
)
def test_link_cards_are_cut_out(line: str, kept: str, card: str) -> None:
    assert strip_inline(line) == (kept, [card])


def test_capitals_without_a_card_stay() -> None:
    for line in ("GRAB ONE MORE: the last poll", "He met WikiLeaks staff. Nothing MORE was said."):
        assert strip_inline(line) == (line, [])
    assert strip_inline("See https://t.co/abc now.") == ("See now.", ["https://t.co/abc"])


@pytest.mark.parametrize(
    "line",
    [
        "By signing up, you agree to our Privacy Notice and European users agree to the data transfer policy.",
        "FILE PHOTO - The nominee meets a senator on Capitol Hill in Washington, April 2018.",
        "(RELATED: Officials Now Banning Plastic Straws)",
    ],
)
def test_prompts_file_photos_and_related_links_are_furniture(line: str) -> None:
    assert is_furniture(line)
