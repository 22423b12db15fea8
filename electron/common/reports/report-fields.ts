/** The technician's name and the work-order number as the report form sends them (trimmed, required, bounded). */
import { z } from 'zod'
import { REPORT_FIELD_LIMITS } from './report-types'

export const ReportFieldsSchema = z.strictObject({
  technician: z.string().trim().min(1, "Enter the technician's name.").max(REPORT_FIELD_LIMITS.technician),
  workOrder: z.string().trim().min(1, 'Enter the work-order number.').max(REPORT_FIELD_LIMITS.workOrder),
})
