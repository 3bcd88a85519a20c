from tests import world


async def test_sign_in_and_me(clean_db, clock, settings):
    import httpx

    from imi.app import create_app

    at = await world.authority("DE", clock.now())
    person = await world.official(at, clock.now())
    app = create_app(settings, clock)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http:
        client = world.Client(http)
        result = await client.sign_in(person.email)
        assert result["__typename"] == "SignInSuccess"
        data = await client.gql("{ me { user { email authority { officialName country { name } } } } }")
        assert data["me"]["user"]["email"] == person.email
