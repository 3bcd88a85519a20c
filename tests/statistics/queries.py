"""GraphQL documents the statistics tests send."""

ASSESSMENT = """
  country { code } requests withdrawnEarly awaitingAnswer totalScore overall missingIndicators
  indicators { indicator numerator denominator value rounded colour score hasData }
"""

SCOREBOARD = """
query($input: ScoreboardInput!) { scoreboard(input: $input) {
  __typename
  ... on Scoreboard { from to rounding acceptanceJudgedUntil areas { code }
    definitions { indicator number unit green yellow red }
    countries { ASSESSMENT } eeaAverage { ASSESSMENT } }
  ... on NotAllowed { message }
  ... on ValidationFailed { message problems { field message } }
} }
""".replace("ASSESSMENT", ASSESSMENT)

TREND = """
query($input: CountryTrendInput!) { countryTrend(input: $input) {
  __typename
  ... on CountryTrend { country { code }
    years { year acceptanceJudgedUntil country { ASSESSMENT } eeaAverage { ASSESSMENT } } }
  ... on NotAllowed { message }
  ... on ValidationFailed { message problems { field message } }
} }
""".replace("ASSESSMENT", ASSESSMENT)

USAGE = """
query($input: UsageStatisticsInput!) { usageStatistics(input: $input) {
  __typename
  ... on UsageStatistics { from to groupBy total truncated
    rows { period year quarter month exchangeKind legalArea procedure sendingCountry receivingCountry count } }
  ... on NotAllowed { message }
  ... on ValidationFailed { message problems { field message } }
} }
"""
