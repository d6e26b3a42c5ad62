using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RotationAnalytics.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ingestion_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    trigger = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ingestion_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "instruments",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    symbol = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    sector = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    groups = table.Column<List<string>>(type: "text[]", nullable: false),
                    aliases = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_instruments", x => x.id);
                    table.CheckConstraint("ck_instruments_kind", "kind IN ('index','etf','stock')");
                });

            migrationBuilder.CreateTable(
                name: "ingestion_run_symbols",
                columns: table => new
                {
                    ingestion_run_id = table.Column<long>(type: "bigint", nullable: false),
                    symbol = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    provider = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    rows_received = table.Column<int>(type: "integer", nullable: false),
                    rows_stored = table.Column<int>(type: "integer", nullable: false),
                    rows_rejected = table.Column<int>(type: "integer", nullable: false),
                    rows_flagged = table.Column<int>(type: "integer", nullable: false),
                    rows_revised = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ingestion_run_symbols", x => new { x.ingestion_run_id, x.symbol });
                    table.ForeignKey(
                        name: "fk_ingestion_run_symbols_ingestion_runs_ingestion_run_id",
                        column: x => x.ingestion_run_id,
                        principalTable: "ingestion_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "provider_symbols",
                columns: table => new
                {
                    instrument_id = table.Column<int>(type: "integer", nullable: false),
                    provider = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    symbol = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_provider_symbols", x => new { x.instrument_id, x.provider });
                    table.ForeignKey(
                        name: "fk_provider_symbols_instruments_instrument_id",
                        column: x => x.instrument_id,
                        principalTable: "instruments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rejected_bars",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ingestion_run_id = table.Column<long>(type: "bigint", nullable: false),
                    instrument_id = table.Column<int>(type: "integer", nullable: false),
                    provider = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    raw_row = table.Column<string>(type: "text", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rejected_bars", x => x.id);
                    table.ForeignKey(
                        name: "fk_rejected_bars_ingestion_runs_ingestion_run_id",
                        column: x => x.ingestion_run_id,
                        principalTable: "ingestion_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_rejected_bars_instruments_instrument_id",
                        column: x => x.instrument_id,
                        principalTable: "instruments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "source_batches",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    instrument_id = table.Column<int>(type: "integer", nullable: false),
                    ingestion_run_id = table.Column<long>(type: "bigint", nullable: true),
                    provider = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    provider_symbol = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    url = table.Column<string>(type: "text", nullable: false),
                    retrieved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    content_sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    rows_received = table.Column<int>(type: "integer", nullable: false),
                    rows_stored = table.Column<int>(type: "integer", nullable: false),
                    rows_rejected = table.Column<int>(type: "integer", nullable: false),
                    rows_flagged = table.Column<int>(type: "integer", nullable: false),
                    rows_revised = table.Column<int>(type: "integer", nullable: false),
                    price_kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    attribution = table.Column<string>(type: "text", nullable: false),
                    is_synthetic = table.Column<bool>(type: "boolean", nullable: false),
                    first_date = table.Column<DateOnly>(type: "date", nullable: true),
                    last_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_source_batches", x => x.id);
                    table.ForeignKey(
                        name: "fk_source_batches_ingestion_runs_ingestion_run_id",
                        column: x => x.ingestion_run_id,
                        principalTable: "ingestion_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_source_batches_instruments_instrument_id",
                        column: x => x.instrument_id,
                        principalTable: "instruments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bar_revisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    instrument_id = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    old_open = table.Column<double>(type: "double precision", nullable: false),
                    old_high = table.Column<double>(type: "double precision", nullable: false),
                    old_low = table.Column<double>(type: "double precision", nullable: false),
                    old_close = table.Column<double>(type: "double precision", nullable: false),
                    old_volume = table.Column<double>(type: "double precision", nullable: true),
                    new_open = table.Column<double>(type: "double precision", nullable: false),
                    new_high = table.Column<double>(type: "double precision", nullable: false),
                    new_low = table.Column<double>(type: "double precision", nullable: false),
                    new_close = table.Column<double>(type: "double precision", nullable: false),
                    new_volume = table.Column<double>(type: "double precision", nullable: true),
                    old_source_batch_id = table.Column<long>(type: "bigint", nullable: false),
                    new_source_batch_id = table.Column<long>(type: "bigint", nullable: false),
                    revised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bar_revisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_bar_revisions_instruments_instrument_id",
                        column: x => x.instrument_id,
                        principalTable: "instruments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_bar_revisions_source_batches_new_source_batch_id",
                        column: x => x.new_source_batch_id,
                        principalTable: "source_batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bar_revisions_source_batches_old_source_batch_id",
                        column: x => x.old_source_batch_id,
                        principalTable: "source_batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "daily_bars",
                columns: table => new
                {
                    instrument_id = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    open = table.Column<double>(type: "double precision", nullable: false),
                    high = table.Column<double>(type: "double precision", nullable: false),
                    low = table.Column<double>(type: "double precision", nullable: false),
                    close = table.Column<double>(type: "double precision", nullable: false),
                    adjusted_close = table.Column<double>(type: "double precision", nullable: true),
                    volume = table.Column<double>(type: "double precision", nullable: true),
                    source_batch_id = table.Column<long>(type: "bigint", nullable: false),
                    flags = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_daily_bars", x => new { x.instrument_id, x.date });
                    table.CheckConstraint("ck_daily_bars_close_positive", "close > 0");
                    table.CheckConstraint("ck_daily_bars_prices_non_negative", "open >= 0 AND high >= 0 AND low >= 0");
                    table.CheckConstraint("ck_daily_bars_volume_non_negative", "volume IS NULL OR volume >= 0");
                    table.ForeignKey(
                        name: "fk_daily_bars_instruments_instrument_id",
                        column: x => x.instrument_id,
                        principalTable: "instruments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_daily_bars_source_batches_source_batch_id",
                        column: x => x.source_batch_id,
                        principalTable: "source_batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bar_revisions_instrument_id_date",
                table: "bar_revisions",
                columns: new[] { "instrument_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_bar_revisions_new_source_batch_id",
                table: "bar_revisions",
                column: "new_source_batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_bar_revisions_old_source_batch_id",
                table: "bar_revisions",
                column: "old_source_batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_daily_bars_source_batch_id",
                table: "daily_bars",
                column: "source_batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_ingestion_runs_started_at",
                table: "ingestion_runs",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_instruments_aliases",
                table: "instruments",
                column: "aliases")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_instruments_symbol",
                table: "instruments",
                column: "symbol",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rejected_bars_ingestion_run_id",
                table: "rejected_bars",
                column: "ingestion_run_id");

            migrationBuilder.CreateIndex(
                name: "ix_rejected_bars_instrument_id",
                table: "rejected_bars",
                column: "instrument_id");

            migrationBuilder.CreateIndex(
                name: "ix_source_batches_ingestion_run_id",
                table: "source_batches",
                column: "ingestion_run_id");

            migrationBuilder.CreateIndex(
                name: "ix_source_batches_instrument_id_first_date_last_date",
                table: "source_batches",
                columns: new[] { "instrument_id", "first_date", "last_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bar_revisions");

            migrationBuilder.DropTable(
                name: "daily_bars");

            migrationBuilder.DropTable(
                name: "ingestion_run_symbols");

            migrationBuilder.DropTable(
                name: "provider_symbols");

            migrationBuilder.DropTable(
                name: "rejected_bars");

            migrationBuilder.DropTable(
                name: "source_batches");

            migrationBuilder.DropTable(
                name: "ingestion_runs");

            migrationBuilder.DropTable(
                name: "instruments");
        }
    }
}
