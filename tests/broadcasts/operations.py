"""GraphQL documents of alerts and notifications, as the web app or a partner tool sends them."""

RESULT = """__typename
  ... on ExchangeSuccess { exchange { id reference version state allowedActions limitedView personalDataStatus
                                      countries answers { item value } } }
  ... on Error { message }
  ... on StaleVersion { currentVersion }
  ... on InvalidTransition { state action }
  ... on ValidationFailed { problems { field message } }"""
CREATE = f"mutation($input: CreateBroadcastInput!) {{ createBroadcast(input: $input) {{ {RESULT} }} }}"
MODIFY = f"mutation($input: ModifyBroadcastInput!) {{ modifyBroadcast(input: $input) {{ {RESULT} }} }}"
SUBMIT = f"mutation($input: BroadcastStepInput!) {{ submitAlert(input: $input) {{ {RESULT} }} }}"
VALIDATE = f"mutation($input: BroadcastStepInput!) {{ validateAlert(input: $input) {{ {RESULT} }} }}"
SEND = f"mutation($input: BroadcastStepInput!) {{ sendNotification(input: $input) {{ {RESULT} }} }}"
CLOSE = f"mutation($input: BroadcastStepInput!) {{ closeBroadcast(input: $input) {{ {RESULT} }} }}"
WITHDRAW = f"mutation($input: BroadcastStepInput!) {{ withdrawBroadcast(input: $input) {{ {RESULT} }} }}"
ACK = f"mutation($input: AcknowledgeInput!) {{ acknowledgeBroadcast(input: $input) {{ {RESULT} }} }}"
HAND_ON = """mutation($input: HandOnInput!) { handOnBroadcast(input: $input) {
  __typename ... on HandOnSuccess { added exchange { limitedView } } ... on Error { message }
  ... on InvalidTransition { state action } ... on ValidationFailed { problems { field message } } } }"""
COMMENT = """mutation($input: AddMessageInput!) { addMessage(input: $input) {
  __typename ... on MessageSuccess { exchangeMessage { id text } } ... on Error { message }
  ... on InvalidTransition { state action } } }"""
VIEW = """query($id: ID!) { exchange(id: $id) { state version subject limitedView personalDataStatus
  personalData { field value } answers { item value } allowedActions countries
  participants { country role acknowledgedAt authority { id } }
  messages { text } timeline { action fromState toState message { text } } } }"""
BOX = """query($box: Box!, $kinds: [ExchangeKind!]!) {
  exchanges(input: {box: $box, first: 50, kinds: $kinds}) { edges { node { id } } } }"""


def ok(data: dict, field: str) -> dict:
    """The exchange of a successful result, or a failure that shows the refusal."""
    assert data[field]["__typename"] == "ExchangeSuccess", data[field]
    return data[field]["exchange"]
