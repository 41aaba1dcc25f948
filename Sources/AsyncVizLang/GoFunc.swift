/// A future kept for later under the go model: the closure `func() Value`
/// the translation makes (what to run and its arguments, evaluated where the
/// future was made), called where it is awaited.
final class GoFunc {
  let recipe: FutureRecipe
  let args: [Value]
  init(recipe: FutureRecipe, args: [Value]) {
    self.recipe = recipe
    self.args = args
  }
}
