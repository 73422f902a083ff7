/// FeeDesk's schema, as the ordered list of its migrations.
public enum Schema {
    /// Every migration, oldest first. Append new ones; never edit one that has shipped.
    public static let migrations: [Migration] = [
        Migration(version: 1, name: "foundation", sql: Schema.foundation),
        Migration(version: 2, name: "statements", sql: Schema.statements),
        Migration(version: 3, name: "callbacks and users", sql: Schema.callbacksAndUsers),
        Migration(version: 4, name: "review and day close", sql: Schema.review),
        Migration(version: 5, name: "money out", sql: Schema.moneyOut),
        Migration(version: 6, name: "report totals", sql: Schema.reports),
        Migration(version: 7, name: "day reconciliation indexes", sql: Schema.dayIndexes),
        Migration(version: 8, name: "receipt register", sql: Schema.receipts),
        Migration(version: 9, name: "callback statement-credit index", sql: Schema.callbackLookup),
        Migration(version: 10, name: "credit links", sql: Schema.creditLinks),
        Migration(version: 11, name: "one credit index for the day and the callback lookup", sql: Schema.creditIndex),
        Migration(version: 12, name: "unexplained debit index", sql: Schema.debitIndex),
        Migration(version: 13, name: "statement lines of a day in id order", sql: Schema.lineDayIndex),
    ]
}
