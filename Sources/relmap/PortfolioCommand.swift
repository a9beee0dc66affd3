import ArgumentParser
import Foundation
import RelMapCore

struct PortfolioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portfolio",
        abstract: "Rank every account in a folder by value at risk, and show how concentrated the book is.",
        discussion: """
            A file with errors is reported and left out; the rest is still ranked, and the
            command exits 65 at the end with the list of skipped files. See docs/portfolio.md.
            """)

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: table, json, markdown or csv.")
    var format: DataFormat = .table

    @Option(help: "Order: risk (value at risk), value, coverage, support, opposition or name.")
    var sort: Portfolio.SortKey = .risk

    func run() throws {
        let report = try input.load()
        let bad = report.printErrorsAndListBadFiles()
        let accounts = report.accounts
        let portfolio = Portfolio(
            ParallelMap.map(accounts.count) { .make(Analyzer.analyze(accounts[$0]), svg: nil) }, sort: sort)
        try format.print(
            json: { try PortfolioDocument(portfolio, skipped: bad.map(\.path)).printable("portfolio") },
            csv: { PortfolioTables.accounts(portfolio).csv() },
            markdown: {
                PortfolioTables.accounts(portfolio).markdown() + "\n"
                    + PortfolioTables.summary(portfolio).map { "- \($0)" }.joined(separator: "\n") + "\n"
            },
            table: {
                let lines = PortfolioTables.actions(portfolio) + [""] + PortfolioTables.summary(portfolio)
                return PortfolioTables.accounts(portfolio, withActions: false).text() + "\n"
                    + lines.map { DisplayWidth.terminalSafe($0) }.joined(separator: "\n") + "\n"
            })
        try failIfSkipped(bad)
    }
}

extension Portfolio.SortKey: ExpressibleByArgument {}
