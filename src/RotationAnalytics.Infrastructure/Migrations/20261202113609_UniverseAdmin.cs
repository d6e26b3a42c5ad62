using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RotationAnalytics.Infrastructure.Migrations
{
    /// <summary>
    /// Issue #12 items 1 and 5: retired instruments (kept, no longer pulled) and the progress and cancellation of
    /// asynchronous admin runs. Groups stay the <c>instruments.groups</c> column, so every group edit is an instruments
    /// UPDATE and advances the data version through the existing statement triggers (no new trigger needed).
    /// </summary>
    public partial class UniverseAdmin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "retired_at",
                table: "instruments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "cancel_requested",
                table: "ingestion_runs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "symbols_total",
                table: "ingestion_runs",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "retired_at",
                table: "instruments");

            migrationBuilder.DropColumn(
                name: "cancel_requested",
                table: "ingestion_runs");

            migrationBuilder.DropColumn(
                name: "symbols_total",
                table: "ingestion_runs");
        }
    }
}
