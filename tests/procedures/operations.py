"""GraphQL documents of the generic path, as the web app sends them."""

RESULT = """
  __typename
  ... on ExchangeSuccess { exchange { id reference kind state version allowedActions myParties
                                      personalDataStatus answers { item value } } }
  ... on Error { message }
  ... on StaleVersion { currentVersion }
  ... on InvalidTransition { state action }
  ... on ValidationFailed { problems { field message } }
"""
CREATE = f"mutation($input: CreateExchangeInput!) {{ createExchange(input: $input) {{ {RESULT} }} }}"
PERFORM = f"mutation($input: PerformActionInput!) {{ performAction(input: $input) {{ {RESULT} }} }}"

DETAIL = """query($id: ID!) { exchange(id: $id) {
  id reference kind state stateLabel version myParties allowedActions personalDataStatus closedAt withdrawnAt
  personalData { field value } answers { item value }
  respondingAuthority { officialName }
  actions { action label to toLabel requires assigns form { id title items { id required } } }
  stateDeadlines { key state effect effectLabel then thenLabel dueDate daysLeft passed applied }
  caseParticipants { party partyLabel country answeredAt answers { item value } authority { officialName } }
  timeline { action actionLabel fromState toState actorName message { text } }
} }"""

BOX = """query($box: Box!) { exchanges(input: {box: $box, first: 50}) { edges { node { id state } } } }"""

DEFINITION = """query($code: String!, $language: String) { procedureDefinition(code: $code, language: $language) {
  code kind name workflow generic personalDataFields retention { blockAfterMonths deleteAfterYears }
  legalArea { code }
  parties { code label source country }
  states { code label initial terminal }
  actions { action label by fromStates to requires assigns form { id title items { id text } } }
  deadlines { key state days months countedFrom effect effectLabel then thenLabel conditionItem conditionValues }
  startForm { id title items { id type required text } }
} }"""
