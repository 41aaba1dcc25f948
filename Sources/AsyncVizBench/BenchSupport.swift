import Foundation

/// "12.34" for 12,340,000.
func millions(_ rate: Double) -> String { String(format: "%.2f", rate / 1e6) }
