import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNumber, IsOptional, IsPositive, IsString, Matches, ValidateNested } from 'class-validator';
import type { SeatMap, SeatRange } from '@app/domain';
import { IsLabel } from './fieldDecorators';
import { IsRowSeats } from './isRowSeats';

/** '-' separates the parts of a seat id, so labels may not contain it (the domain says the same). */
const SEAT_LABEL = /^[A-Za-z0-9_]{1,32}$/;
const SEAT_LABEL_RULE = "$property must be 1-32 letters, digits or '_'";

export const MAX_SECTIONS = 500;
export const MAX_ROWS_PER_SECTION = 1_000;

export class SeatRowDto {
  @IsString()
  @Matches(SEAT_LABEL, { message: SEAT_LABEL_RULE })
  row: string;

  @IsRowSeats()
  seats: number | SeatRange[];

  @IsLabel(32)
  tier: string;

  @IsOptional()
  @IsArray()
  @IsRowSeats()
  wheelchair?: SeatRange[];

  @IsOptional()
  @IsArray()
  @IsRowSeats()
  companion?: SeatRange[];
}

export class SeatMapStageDto {
  @IsLabel(40)
  label: string;

  @IsNumber()
  x: number;

  @IsNumber()
  y: number;

  @IsNumber()
  @IsPositive()
  width: number;

  @IsNumber()
  @IsPositive()
  height: number;
}

export class SeatSectionDto {
  @IsString()
  @Matches(SEAT_LABEL, { message: SEAT_LABEL_RULE })
  id: string;

  @IsLabel(100)
  name: string;

  @IsNumber()
  x: number;

  @IsNumber()
  y: number;

  @IsNumber()
  @IsPositive()
  width: number;

  @IsNumber()
  @IsPositive()
  height: number;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ROWS_PER_SECTION)
  @ValidateNested({ each: true })
  @Type(() => SeatRowDto)
  rows: SeatRowDto[];
}

export class SeatMapDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SECTIONS)
  @ValidateNested({ each: true })
  @Type(() => SeatSectionDto)
  sections: SeatSectionDto[];

  @IsOptional()
  @ValidateNested()
  @Type(() => SeatMapStageDto)
  stage?: SeatMapStageDto;
}

/** Plain data for the event: DTO instances carry nothing the stored event should keep. */
export function toSeatMap(dto: SeatMapDto): SeatMap {
  return {
    sections: dto.sections.map((section) => ({
      id: section.id,
      name: section.name,
      x: section.x,
      y: section.y,
      width: section.width,
      height: section.height,
      rows: section.rows.map((row) => ({
        row: row.row,
        seats: typeof row.seats === 'number' ? row.seats : ranges(row.seats),
        tier: row.tier,
        ...(row.wheelchair ? { wheelchair: ranges(row.wheelchair) } : {}),
        ...(row.companion ? { companion: ranges(row.companion) } : {}),
      })),
    })),
    ...(dto.stage ? { stage: { label: dto.stage.label, x: dto.stage.x, y: dto.stage.y, width: dto.stage.width, height: dto.stage.height } } : {}),
  };
}

const ranges = (list: SeatRange[]): SeatRange[] => list.map(({ from, to }) => ({ from, to }));
