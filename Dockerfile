# The service image: worker and API in one process (`npm start`), configured by environment
# variables (docker-compose.yml). The Temporal binaries are not needed in production.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts
COPY . .
RUN npx prisma generate
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
EXPOSE 3000
USER node
CMD ["npx", "tsx", "scripts/start.ts"]
