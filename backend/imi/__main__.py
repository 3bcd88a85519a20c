from imi.cli import main

main()
