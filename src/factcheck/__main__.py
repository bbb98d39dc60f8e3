from factcheck.cli.program import main

main()
