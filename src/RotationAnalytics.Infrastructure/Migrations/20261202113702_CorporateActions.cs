using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RotationAnalytics.Infrastructure.Migrations
{
    /// <summary>
    /// Corporate actions (SPEC §1): dividends and splits with their source batch and a revision log, and on each source
    /// batch whether its response reports corporate actions. Changes of corporate_actions advance the data version
    /// through the same statement triggers as bars, as kind 'corporate_actions' (the snapshot re-reads that instrument).
    /// </summary>
    public partial class CorporateActions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "corporate_actions_reported",
                table: "source_batches",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "corporate_action_revisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    instrument_id = table.Column<int>(type: "integer", nullable: false),
                    ex_date = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    old_value = table.Column<double>(type: "double precision", nullable: false),
                    new_value = table.Column<double>(type: "double precision", nullable: false),
                    old_source_batch_id = table.Column<long>(type: "bigint", nullable: false),
                    new_source_batch_id = table.Column<long>(type: "bigint", nullable: false),
                    revised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_corporate_action_revisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_corporate_action_revisions_instruments_instrument_id",
                        column: x => x.instrument_id,
                        principalTable: "instruments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_corporate_action_revisions_source_batches_new_source_batch_",
                        column: x => x.new_source_batch_id,
                        principalTable: "source_batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_corporate_action_revisions_source_batches_old_source_batch_",
                        column: x => x.old_source_batch_id,
                        principalTable: "source_batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "corporate_actions",
                columns: table => new
                {
                    instrument_id = table.Column<int>(type: "integer", nullable: false),
                    ex_date = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: false),
                    source_batch_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_corporate_actions", x => new { x.instrument_id, x.ex_date, x.kind });
                    table.CheckConstraint("ck_corporate_actions_dividend_non_negative", "kind <> 'Dividend' OR value >= 0");
                    table.CheckConstraint("ck_corporate_actions_split_positive", "kind <> 'Split' OR value > 0");
                    table.ForeignKey(
                        name: "fk_corporate_actions_instruments_instrument_id",
                        column: x => x.instrument_id,
                        principalTable: "instruments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_corporate_actions_source_batches_source_batch_id",
                        column: x => x.source_batch_id,
                        principalTable: "source_batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_corporate_action_revisions_instrument_id_ex_date",
                table: "corporate_action_revisions",
                columns: new[] { "instrument_id", "ex_date" });

            migrationBuilder.CreateIndex(
                name: "ix_corporate_action_revisions_new_source_batch_id",
                table: "corporate_action_revisions",
                column: "new_source_batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_corporate_action_revisions_old_source_batch_id",
                table: "corporate_action_revisions",
                column: "old_source_batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_corporate_actions_source_batch_id",
                table: "corporate_actions",
                column: "source_batch_id");

            migrationBuilder.Sql(
                """
                ALTER TABLE data_changes DROP CONSTRAINT data_changes_kind_check;
                ALTER TABLE data_changes ADD CONSTRAINT data_changes_kind_check
                    CHECK (kind IN ('bars', 'instruments', 'corporate_actions', 'all'));

                CREATE FUNCTION record_corporate_action_changes() RETURNS trigger
                LANGUAGE plpgsql AS $$
                DECLARE
                    ids integer[];
                BEGIN
                    SELECT array_agg(DISTINCT instrument_id) INTO ids FROM changed_rows;
                    IF ids IS NOT NULL THEN
                        PERFORM advance_data_version('corporate_actions', ids);
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER corporate_actions_inserted AFTER INSERT ON corporate_actions
                    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION record_corporate_action_changes();
                CREATE TRIGGER corporate_actions_updated AFTER UPDATE ON corporate_actions
                    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION record_corporate_action_changes();
                CREATE TRIGGER corporate_actions_deleted AFTER DELETE ON corporate_actions
                    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION record_corporate_action_changes();
                CREATE TRIGGER corporate_actions_truncated AFTER TRUNCATE ON corporate_actions
                    FOR EACH STATEMENT EXECUTE FUNCTION record_truncation();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TRIGGER corporate_actions_truncated ON corporate_actions;
                DROP TRIGGER corporate_actions_deleted ON corporate_actions;
                DROP TRIGGER corporate_actions_updated ON corporate_actions;
                DROP TRIGGER corporate_actions_inserted ON corporate_actions;
                DROP FUNCTION record_corporate_action_changes();
                DELETE FROM data_changes WHERE kind = 'corporate_actions';
                ALTER TABLE data_changes DROP CONSTRAINT data_changes_kind_check;
                ALTER TABLE data_changes ADD CONSTRAINT data_changes_kind_check CHECK (kind IN ('bars', 'instruments', 'all'));
                """);

            migrationBuilder.DropTable(
                name: "corporate_action_revisions");

            migrationBuilder.DropTable(
                name: "corporate_actions");

            migrationBuilder.DropColumn(
                name: "corporate_actions_reported",
                table: "source_batches");
        }
    }
}
