"""GraphQL documents the tests send, as the web app would."""

RESULT = """
  __typename
  ... on ExchangeSuccess { exchange { id version state allowedActions agreedReplyDate proposedReplyDate
                                      personalDataStatus personalData { field value } } }
  ... on Error { message }
  ... on StaleVersion { currentVersion }
  ... on InvalidTransition { state action }
  ... on ValidationFailed { problems { field message } }
"""

CREATE = f"mutation($input: CreateRequestInput!) {{ createRequest(input: $input) {{ {RESULT} }} }}"
SEND = f"mutation($input: SendRequestInput!) {{ sendRequest(input: $input) {{ {RESULT} }} }}"
ACCEPT = f"mutation($input: AcceptRequestInput!) {{ acceptRequest(input: $input) {{ {RESULT} }} }}"
ANSWER = f"mutation($input: AnswerRequestInput!) {{ answerRequest(input: $input) {{ {RESULT} }} }}"
FURTHER = f"mutation($input: MessageActionInput!) {{ requestFurtherInformation(input: $input) {{ {RESULT} }} }}"
REFER = f"mutation($input: MessageActionInput!) {{ referRequest(input: $input) {{ {RESULT} }} }}"
RETURN = f"mutation($input: OptionalMessageActionInput!) {{ returnReferral(input: $input) {{ {RESULT} }} }}"
CLOSE_REFERRAL = f"mutation($input: OptionalMessageActionInput!) {{ closeReferral(input: $input) {{ {RESULT} }} }}"
CLOSE = f"mutation($input: CloseRequestInput!) {{ closeRequest(input: $input) {{ {RESULT} }} }}"
WITHDRAW = f"mutation($input: OptionalMessageActionInput!) {{ withdrawRequest(input: $input) {{ {RESULT} }} }}"
FORWARD = """mutation($input: ForwardRequestInput!) { forwardRequest(input: $input) {
  __typename ... on ForwardSuccess { reference toAuthority { officialName } } ... on Error { message } } }"""
MODIFY = f"mutation($input: ModifyRequestInput!) {{ modifyRequest(input: $input) {{ {RESULT} }} }}"
ADD_MESSAGE = """mutation($input: AddMessageInput!) { addMessage(input: $input) {
  __typename ... on MessageSuccess { exchangeMessage { id text language } } ... on Error { message } } }"""

DETAIL = """query($id: ID!) { exchange(id: $id) {
  id reference state version subject myParties allowedActions personalDataStatus
  personalData { field value } requestedReplyDate proposedReplyDate agreedReplyDate round
  requestingAuthority { officialName } respondingAuthority { officialName }
  questions { item parameters { name value } } answers { item value }
  messages { text language authorAuthority { officialName } }
  attachments { filename size downloadUrl }
  survey { timeliness efforts }
  timeline { action fromState toState actorName proposedReplyDate message { text } toAuthority { officialName } }
} }"""

BOX = """query($input: ExchangesInput!) { exchanges(input: $input) {
  edges { cursor node { id reference state subject deadline { date daysLeft overdue }
          requestingAuthority { officialName country { code } } respondingAuthority { officialName } } }
  pageInfo { hasNextPage endCursor } } }"""
