import AsyncVizTestSupport
import Foundation
import Testing

/// `asyncviz quiz --plain` scripted as a user would pipe it: answers on
/// stdin, the questions, reveals and score on stdout.
@Suite struct QuizCLITests {
  @Test func aScriptedQuizPrintsEveryRevealAndTheScore() throws {
    // Seed 3 asks six questions about db-then-service; the answers mix right and wrong.
    let result = try CLIRunner.run(
      ["quiz", "db-then-service", "--seed", "3", "--plain"], input: "c\n2\nd\n3\nz\na\n1\n")
    #expect(result.code == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    #expect(result.stdout.contains("Score: 4 of 6"))
    Golden.check(result.stdout, named: "quiz-db-then-service-seed-3.txt")
  }

  @Test func theSameSeedAsksTheSameQuiz() throws {
    let a = try CLIRunner.run(["quiz", "timers", "--seed", "11", "--plain"], input: "")
    let b = try CLIRunner.run(["quiz", "timers", "--seed", "11", "--plain"], input: "")
    #expect(a.code == 0 && b.code == 0)
    #expect(a.stdout == b.stdout)
  }

  @Test func theEndOfTheInputEndsTheQuizWithTheScoreSoFar() throws {
    let result = try CLIRunner.run(["quiz", "db-then-service", "--seed", "3", "--plain"], input: "c\n")
    #expect(result.code == 0)
    #expect(result.stdout.contains("(the input ended: the quiz stops here)"))
    #expect(result.stdout.hasSuffix("Score: 1 of 1\nNo concept missed.\n"))
  }

  @Test func answersThatAreNotAnswersAreAskedAgainThenRefused() throws {
    let result = try CLIRunner.run(
      ["quiz", "db-then-service", "--seed", "3", "--plain"], input: "x\nyes\n9\n")
    #expect(result.code == 2)
    #expect(result.stdout.components(separatedBy: "is not an answer").count == 4)
    #expect(result.stderr.contains("error: no answer among a-c after 3 tries"))
  }

  @Test func anUnknownProgramIsExit2() throws {
    try CLIRunner.expectRefusal(
      ["quiz", "db-then-servic", "--plain"], saying: "Did you mean 'db-then-service'?", input: "")
    let none = try CLIRunner.run(["quiz", "db-then-service", "--questions", "0", "--plain"], input: "")
    #expect(none.code == 2)
  }

  @Test func aDemosLessonAddsItsOwnQuestions() throws {
    let result = try CLIRunner.run(
      ["quiz", "lazy-future", "--seed", "1", "--plain"], input: String(repeating: "a\n", count: 6))
    #expect(result.code == 0)
    #expect(result.stdout.contains("main's first line calls lookup(\"ada\") without awaiting it"))
  }

  @Test func aUsersOwnProgramIsQuizzedToo() throws {
    let (_, file) = try CLIRunner.program(
      """
      resource api latency 30ms
      async fn fetch(n) {
          let r = await api.get(n)
          print("got {n}")
      }
      async fn main() {
          let a = spawn fetch(1)
          let b = spawn fetch(2)
          await a
          await b
          print("all done")
      }
      """)
    let result = try CLIRunner.run(
      ["quiz", file.path, "--seed", "5", "--plain", "--questions", "3"], input: "")
    #expect(result.code == 0)
    #expect(result.stdout.contains("3 questions about this run."))
  }
}
