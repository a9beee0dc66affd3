import Testing
@testable import RelMapCore

/// Value at risk and concentration on accounts whose numbers are worked out by hand.
struct PortfolioTests {
    @Test func concentrationOfFiveAccounts() {
        // Values 50, 20, 15, 10, 5 (total 100): top fifth is one account with 50%;
        // HHI = 2500 + 400 + 225 + 100 + 25 = 3250; effective accounts 10000/3250 = 3.08.
        let c = Concentration(values: [("e", 5), ("a", 50), ("c", 15), ("b", 20), ("d", 10), ("none", nil)])
        #expect(c.accountsWithValue == 5)
        #expect(c.totalValue == 100)
        #expect(c.topFifthCount == 1)
        #expect(abs(c.topFifthShare - 50) < 1e-12)
        #expect(abs(c.herfindahl - 3250) < 1e-9)
        #expect(abs(c.effectiveAccounts - 10_000 / 3250) < 1e-12)
        #expect(c.top.map(\.id) == ["a", "b", "c", "d", "e"])
    }

    @Test func equalAccountsAreUnconcentratedAndTiesGoById() {
        let c = Concentration(values: (0..<10).map { ("acc-\(9 - $0)", 1.0) })
        #expect(c.topFifthCount == 2)
        #expect(abs(c.topFifthShare - 20) < 1e-12)
        #expect(abs(c.herfindahl - 1000) < 1e-9)
        #expect(c.top.map(\.id) == ["acc-0", "acc-1", "acc-2", "acc-3", "acc-4"])
    }

    @Test func valueAtRiskFollowsDecisionReachAndOpposition() {
        // tiny: the only decision-maker is zhao, reached at 0.36; opposition 11.806%.
        var account = loadTiny()
        account.value = 1_000_000
        let v = ValueAtRisk(Analyzer.analyze(account))
        #expect(abs(v.decisionReach - 0.36) < 1e-12)
        let risk = 1 - 0.36 * (1 - 0.11806118950276451)
        #expect(abs(v.riskShare - risk) < 1e-9)
        #expect(abs((v.amount ?? 0) - 1_000_000 * risk) < 1e-3)
    }

    @Test func portfolioRanksByValueAtRiskThenId() {
        func input(_ id: String, _ value: Double?) -> AccountReportInput {
            var a = loadTiny()
            a.id = id
            a.value = value
            return AccountReportInput(analysis: Analyzer.analyze(a), gaps: [], visits: [], svg: nil)
        }
        let p = Portfolio([input("small", 10), input("none", nil), input("big", 100), input("big2", 100)])
        #expect(p.entries.map(\.analysis.account.id) == ["big", "big2", "small", "none"])
        #expect(
            Portfolio([input("b", 1), input("a", 2)], sort: .name).entries.map(\.analysis.account.id) == ["a", "b"])
    }

    @Test func valuesInDifferentCurrenciesAreNeverAddedUp() {
        func input(_ id: String, _ value: Double, _ currency: String?) -> AccountReportInput {
            var a = loadTiny()
            a.id = id
            a.value = value
            a.currency = currency
            return AccountReportInput(analysis: Analyzer.analyze(a), gaps: [], visits: [], svg: nil)
        }
        let p = Portfolio([input("a", 10, "USD"), input("b", 300, "CNY"), input("c", 100, "CNY"), input("d", 5, nil)])
        #expect(p.concentrations.map(\.currency) == ["CNY", "USD", nil])
        #expect(p.concentrations.map(\.concentration.totalValue) == [400, 10, 5])
        #expect(p.concentrations[0].concentration.top.map(\.id) == ["b", "c"])
    }
}
