import Testing

/// The shared verdict of the differential tests, checked both ways: a program
/// that disagrees must be listed, and a listed one must still disagree.
@Suite struct OracleDriverTests {
  let driver = OracleDriver(
    runtime: "tokio", testName: "OracleDriverTests", listName: "ExpectedMismatches.txt",
    seedVariable: "ASYNCVIZ_ORACLE_DRIVER_TEST_SEED", countVariable: "ASYNCVIZ_ORACLE_DRIVER_TEST_COUNT",
    defaultCount: 0, unavailableReason: { nil })

  func demo() throws -> OracleCase { try #require(OracleCase.demos().first) }

  @Test(.disabled(if: OracleDriver.recording, "recording rewrites lists instead of judging"))
  func anUnlistedDisagreementFails() throws {
    let c = try demo()
    withKnownIssue {
      driver.judge(c, agrees: false, listed: false) { "\(c.name): \($0)" }
    } matching: { issue in
      issue.comments.contains { $0.rawValue.contains("asyncviz and tokio disagree") }
    }
  }

  @Test(.disabled(if: OracleDriver.recording, "recording rewrites lists instead of judging"))
  func aListedAgreementFails() throws {
    let c = try demo()
    withKnownIssue {
      driver.judge(c, agrees: true, listed: true) { $0 }
    } matching: { issue in
      issue.comments.contains {
        $0.rawValue.contains("now agrees with tokio: remove it from ExpectedMismatches.txt")
      }
    }
  }

  @Test(.disabled(if: OracleDriver.recording, "recording rewrites lists instead of judging"))
  func expectedVerdictsPass() throws {
    let c = try demo()
    driver.judge(c, agrees: true, listed: false) { $0 }
    driver.judge(c, agrees: false, listed: true) { $0 }
  }
}
