"""English dates as Allyport has always shown them: ISO 8601 (2026-12-04 21:30), which
reads the same in every English-speaking country. Other languages take Django's
formats for their locale (de 04.12.2026, ja 2026/12/04): templates name the format
(`|date:"SHORT_DATE_FORMAT"`), not its pattern."""

SHORT_DATE_FORMAT = "Y-m-d"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
