from factcheck.program import main

main()
