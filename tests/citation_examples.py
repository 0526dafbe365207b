"""Worked examples: citations written by hand from each manual's rules, for the tests to compare exactly.

Three kinds of entry, in both languages: a document with an author (the
commentary by 杨守征), one with an issuing body (the concept paper, issued by
China), and a translated page (the English pages of both, the site's own
translation); and one with neither (the SCO commentary). Passage, address and
access date are fixed: the tests set the browser's clock to ``ACCESSED``.

Rules applied (see docs/cite.md):

- GB/T 7714-2015 §8 and its EB/OL examples: 主要责任者. 题名[EB/OL]. 其他责任者, 译.
  (发表日期)[引用日期]. URL. Western punctuation; pinyin family name in capitals;
  佚名 / Anon when no responsible party.
- APA 7 §9–10 (webpage, translated work): Author. (Year, Month Day). *Title in
  sentence case* (Translator, Trans.). Site Name. URL — no retrieval date for a
  dated page; the locator only in the in-text citation (§8.13, heading and
  paragraph for unpaginated works); a work without author begins with its title.
- Chicago 17 §14.206 (web page), §14.104 (translator): a note with the locator,
  a bibliography entry without it; no access date when a publication date is
  known; Chinese names are not inverted.
"""

ACCESSED = "2026-12-01"
SITE = "https://example.org/"

CONCEPT = "global-security-initiative-concept-paper"
COMMENTARY = "universal-security-community"
SCO = "sco-security-cooperation"

#: (slug, lang, passage id) -> {form: exact text}; "{site}" stands for the published address's root.
EXAMPLES = {
    # an issuing body, Chinese page
    (CONCEPT, "zh", "s3-12-p1"): {
        "gbt/entry": "中国. 全球安全倡议概念文件[EB/OL]. (2023-02-21)[2026-12-01]. {site}texts/global-security-initiative-concept-paper/#s3-12-p1.",
        "apa/entry": "中国. (2023年2月21日). 全球安全倡议概念文件. 全球安全倡议文献库. {site}texts/global-security-initiative-concept-paper/#s3-12-p1",
        "apa/intext": "（中国，2023，第三部分（十二）第1段）",
        "chicago/note": "中国, “全球安全倡议概念文件,” 全球安全倡议文献库, 2023年2月21日, 第三部分（十二）第1段, {site}texts/global-security-initiative-concept-paper/#s3-12-p1.",
        "chicago/bibliography": "中国. “全球安全倡议概念文件.” 全球安全倡议文献库, 2023年2月21日. {site}texts/global-security-initiative-concept-paper/#s3-12-p1.",
    },
    # an issuing body, translated page (the site's English)
    (CONCEPT, "en", "s3-12-p1"): {
        "gbt/entry": "China. The Global Security Initiative Concept Paper[EB/OL]. Global Security Initiative Library, trans. (2023-02-21)[2026-12-01]. {site}en/texts/global-security-initiative-concept-paper/#s3-12-p1.",
        "apa/entry": "China. (2023, February 21). The Global Security Initiative concept paper (Global Security Initiative Library, Trans.). Global Security Initiative Library. {site}en/texts/global-security-initiative-concept-paper/#s3-12-p1",
        "apa/intext": "(China, 2023, Part III, item (12), para. 1)",
        "chicago/note": "China, “The Global Security Initiative Concept Paper,” trans. Global Security Initiative Library, Global Security Initiative Library, February 21, 2023, Part III, item (12), para. 1, {site}en/texts/global-security-initiative-concept-paper/#s3-12-p1.",
        "chicago/bibliography": "China. “The Global Security Initiative Concept Paper.” Translated by Global Security Initiative Library. Global Security Initiative Library, February 21, 2023. {site}en/texts/global-security-initiative-concept-paper/#s3-12-p1.",
    },
    # an author, Chinese page; a section named by its lead sentence
    (COMMENTARY, "zh", "s1-p1"): {
        "gbt/entry": "杨守征. 致力构建普遍安全的人类命运共同体[EB/OL]. (2024-04-19)[2026-12-01]. {site}texts/universal-security-community/#s1-p1.",
        "apa/entry": "杨守征. (2024年4月19日). 致力构建普遍安全的人类命运共同体. 全球安全倡议文献库. {site}texts/universal-security-community/#s1-p1",
        "apa/intext": "（杨守征，2024，“倡导安危与共”一节第1段）",
        "chicago/note": "杨守征, “致力构建普遍安全的人类命运共同体,” 全球安全倡议文献库, 2024年4月19日, “倡导安危与共”一节第1段, {site}texts/universal-security-community/#s1-p1.",
        "chicago/bibliography": "杨守征. “致力构建普遍安全的人类命运共同体.” 全球安全倡议文献库, 2024年4月19日. {site}texts/universal-security-community/#s1-p1.",
    },
    # an author, translated page
    (COMMENTARY, "en", "s1-p1"): {
        "gbt/entry": "YANG Shouzheng. Working Towards a Community with a Shared Future for Humanity That Enjoys Universal Security[EB/OL]. Global Security Initiative Library, trans. (2024-04-19)[2026-12-01]. {site}en/texts/universal-security-community/#s1-p1.",
        "apa/entry": "Yang, S. (2024, April 19). Working towards a community with a shared future for humanity that enjoys universal security (Global Security Initiative Library, Trans.). Global Security Initiative Library. {site}en/texts/universal-security-community/#s1-p1",
        "apa/intext": "(Yang, 2024, “Advocating shared security and shared risk” section, para. 1)",
        "chicago/note": "Yang Shouzheng, “Working Towards a Community with a Shared Future for Humanity That Enjoys Universal Security,” trans. Global Security Initiative Library, Global Security Initiative Library, April 19, 2024, “Advocating shared security and shared risk” section, para. 1, {site}en/texts/universal-security-community/#s1-p1.",
        "chicago/bibliography": "Yang Shouzheng. “Working Towards a Community with a Shared Future for Humanity That Enjoys Universal Security.” Translated by Global Security Initiative Library. Global Security Initiative Library, April 19, 2024. {site}en/texts/universal-security-community/#s1-p1.",
    },
    # no responsible party named by the seeds, Chinese page: the title leads
    (SCO, "zh", "s2-1-p1"): {
        "gbt/entry": "佚名. 习近平推动上合组织安全合作迈上新台阶[EB/OL]. (2018-05-27)[2026-12-01]. {site}texts/sco-security-cooperation/#s2-1-p1.",
        "apa/entry": "习近平推动上合组织安全合作迈上新台阶. (2018年5月27日). 全球安全倡议文献库. {site}texts/sco-security-cooperation/#s2-1-p1",
        "apa/intext": "（习近平推动上合组织安全合作迈上新台阶，2018，第二部分“综合施策”一节第1段）",
        "chicago/note": "“习近平推动上合组织安全合作迈上新台阶,” 全球安全倡议文献库, 2018年5月27日, 第二部分“综合施策”一节第1段, {site}texts/sco-security-cooperation/#s2-1-p1.",
        "chicago/bibliography": "“习近平推动上合组织安全合作迈上新台阶.” 全球安全倡议文献库, 2018年5月27日. {site}texts/sco-security-cooperation/#s2-1-p1.",
    },
}

#: The text in italics in the rich (HTML) form of each APA entry: the title.
APA_ITALIC = {
    (CONCEPT, "zh"): "全球安全倡议概念文件",
    (CONCEPT, "en"): "The Global Security Initiative concept paper",
    (COMMENTARY, "zh"): "致力构建普遍安全的人类命运共同体",
    (COMMENTARY, "en"): "Working towards a community with a shared future for humanity that enjoys universal security",
    (SCO, "zh"): "习近平推动上合组织安全合作迈上新台阶",
}


def expected(key, site: str = SITE) -> dict[str, str]:
    return {form: text.replace("{site}", site) for form, text in EXAMPLES[key].items()}
