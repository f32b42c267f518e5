# Production image: Node 24 LTS, compiled JavaScript, production dependencies only.
# It talks to a real MongoDB through MONGODB_URI (docker-compose.yml starts one); the local FerretDB
# used for development and tests is not part of the image.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npx tsc -p tsconfig.build.json

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY flex-templates ./flex-templates
COPY examples ./examples
# The public holidays the scheduled jobs skip (src/holidays/public-holidays.ts reads them once a process).
COPY holidays ./holidays
# `cli rich-menu` installs the menus from here; the .html sources stay out of the image.
COPY rich-menu/*.json rich-menu/*.png ./rich-menu/
# The public page's stylesheet (dist/http/public-page.js serves it from src/public/assets).
COPY src/public/assets ./src/public/assets
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/main.js"]
