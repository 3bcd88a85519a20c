"""Statistics and the Single Market Scoreboard, computed in the database from the exchanges themselves."""
